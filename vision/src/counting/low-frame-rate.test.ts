import { describe, expect, it } from "vitest";
import type { Detection } from "../decoders/detection.ts";
import { IouTracker } from "../tracking/iou-tracker.ts";
import { LineCounter } from "./line-crossing.ts";

// Tracker and counter together on synthetic walkers sampled at 1–10 fps: 80 px tall people at
// 100 px/s (1.25 heights a second, a brisk walk), so at 1–2 fps their boxes never overlap from
// one frame to the next.
const line = { id: "x400", a: { x: 400, y: 600 }, b: { x: 400, y: 0 } };

/** Feet x of each walker at time t (s), or undefined when out of view. */
const walkers: ((t: number) => number | undefined)[] = [
  // Starts 30 px left of the line: at 1–2 fps it is confirmed only after crossing.
  (t) => (t <= 8 ? 370 + 100 * t : undefined),
  // Right to left, appears at 2 s.
  (t) => (t >= 2 && t <= 10 ? 800 - 100 * (t - 2) : undefined),
  // Crosses left to right at 6 s, walks on for 2 s, turns back slower and crosses again at 11 s.
  (t) => (t >= 1 ? (t <= 8 ? 100 + 60 * (t - 1) : 520 - 40 * (t - 8)) : undefined),
];

function detections(t: number): Detection[] {
  return walkers.flatMap((feetX, i) => {
    const x = feetX(t);
    if (x === undefined) return [];
    const y2 = 200 + 120 * i; // each on its own lane
    return [{ classId: 0, label: "person", score: 0.8, box: { x1: x - 15, y1: y2 - 80, x2: x + 15, y2 } }];
  });
}

describe("line counting at low frame rates", () => {
  it.each([1, 2, 5, 10])("counts every crossing once at %d fps", (fps) => {
    const tracker = new IouTracker();
    const counter = new LineCounter([line]);
    const events: { trackId: number; direction: string; crossedAt: number }[] = [];
    for (let frame = 0; frame <= 14 * fps; frame++) {
      const ms = (frame * 1000) / fps;
      events.push(...counter.update(tracker.update(detections(ms / 1000), ms), ms));
    }
    expect(events.map((e) => e.direction).sort()).toEqual([
      "left-to-right",
      "left-to-right",
      "right-to-left",
      "right-to-left",
    ]);
    // The turn-back is one track crossing twice; every crossing is timed within a frame interval.
    const truth = { "left-to-right": [0.3, 6], "right-to-left": [6, 11] };
    expect(new Set(events.map((e) => e.trackId)).size).toBe(3);
    for (const e of events) {
      const nearest = Math.min(
        ...truth[e.direction as keyof typeof truth].map((s) => Math.abs(e.crossedAt / 1000 - s)),
      );
      expect(nearest, `${e.direction} at ${e.crossedAt} ms`).toBeLessThanOrEqual(1 / fps);
    }
  });
});
