import { describe, expect, it } from "vitest";
import type { Detection } from "../decoders/detection.ts";
import { IouTracker } from "./iou-tracker.ts";

const person = (x: number, score = 0.8, y = 100): Detection => ({
  classId: 0,
  label: "person",
  score,
  box: { x1: x, y1: y, x2: x + 40, y2: y + 100 },
});

describe("IouTracker", () => {
  it("confirms a track after two matches and keeps its id while it walks", () => {
    const tracker = new IouTracker();
    expect(tracker.update([person(0)], 0)).toEqual([]);
    const ids = [1, 2, 3, 4, 5].map((i) => tracker.update([person(i * 15)], i * 200).map((t) => t.id));
    expect(ids).toEqual([[1], [1], [1], [1], [1]]);
  });

  it("follows a walker whose boxes no longer overlap between frames (low frame rate) by centre distance", () => {
    // 50 px per frame with 40 px wide boxes: IoU 0; centres half a box height apart.
    const ids = (options: ConstructorParameters<typeof IouTracker>[0]) => {
      const tracker = new IouTracker(options);
      return [0, 1, 2, 3, 4].flatMap((i) => tracker.update([person(i * 50)], i * 500).map((t) => t.id));
    };
    expect(ids({})).toEqual([1, 1, 1, 1]);
    expect(ids({ maxCentreDistance: 0 })).toEqual([]);
  });

  it("keeps two walkers apart when they pass each other", () => {
    const tracker = new IouTracker();
    const history = new Map<number, number[]>();
    for (let i = 0; i < 12; i++) {
      const tracks = tracker.update([person(i * 20), person(220 - i * 20, 0.8, 140)], i);
      for (const t of tracks) history.set(t.id, [...(history.get(t.id) ?? []), t.box.x1]);
    }
    expect([...history.keys()]).toEqual([1, 2]);
    const xs = history.get(1) ?? [];
    expect(
      xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? 0)),
      "track 1 only moves right",
    ).toBe(true);
  });

  it("bridges a short gap with the predicted box and a weak detection, and drops a track after maxMissed", () => {
    const tracker = new IouTracker({ maxMissed: 2 });
    for (let i = 0; i < 4; i++) tracker.update([person(i * 10)], i);
    expect(tracker.update([], 4)).toEqual([]);
    // Missed once, then seen again 20 px further on with a low score: same track.
    expect(tracker.update([person(60, 0.35)], 5).map((t) => t.id)).toEqual([1]);
    tracker.update([], 6);
    tracker.update([], 7);
    tracker.update([], 8);
    expect(tracker.update([person(90)], 9)).toEqual([]);
    expect(tracker.active.map((t) => t.id)).toEqual([2]);
  });

  it("never starts a track from a weak detection or matches across classes", () => {
    const tracker = new IouTracker();
    tracker.update([person(0, 0.3)], 0);
    tracker.update([person(0, 0.3)], 1);
    expect(tracker.active).toHaveLength(0);
    tracker.update([person(0)], 2);
    const car = { ...person(0), classId: 2, label: "car" };
    expect(tracker.update([car], 3)).toEqual([]);
    expect(tracker.active.map((t) => t.label)).toEqual(["car"]);
  });
});
