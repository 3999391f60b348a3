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

describe("IouTracker at low frame rates", () => {
  const feed = (tracker: IouTracker, frames: Detection[][], ms: number) =>
    frames.map((detections, i) => tracker.update(detections, i * ms));

  it("keeps the id of a walker who moves 3 box widths between frames (1 fps, no overlap)", () => {
    // 120 px per second: 1.2 box heights, boxes 80 px apart — IoU 0 and beyond the 0.6 base gate.
    const frames = [0, 1, 2, 3, 4, 5].map((i) => [person(i * 120)]);
    const ids = feed(new IouTracker(), frames, 1000).map((tracks) => tracks.map((t) => t.id));
    expect(ids).toEqual([[], [1], [1], [1], [1], [1]]);
    // The gate grows with time and speed: without that growth every frame starts a new track.
    const fixed = new IouTracker({ maxSpeed: 0, maxManoeuvre: 0 });
    expect(feed(fixed, frames, 1000).flat()).toEqual([]);
  });

  it("estimates velocity in pixels per second and reports the previous match", () => {
    const tracker = new IouTracker();
    const [, second, third] = feed(tracker, [[person(0)], [person(60)], [person(120)]], 500);
    expect(second?.[0]?.velocity).toEqual({ dx: 120, dy: 0 });
    expect(second?.[0]?.previous).toEqual({ box: person(0).box, seen: 0 });
    expect(third?.[0]?.previous).toEqual({ box: person(60).box, seen: 500 });
  });

  it.each([
    { fps: 2, step: 60 },
    { fps: 1, step: 100 },
  ])("does not swap two walkers who pass each other ($fps fps, $step px per frame)", ({ fps, step }) => {
    // A walks right, B walks left, 20 px apart vertically: at frame 5 they are at the same x, at
    // frame 6 each is where the other was — only their motion tells them apart.
    const tracker = new IouTracker();
    const xs = new Map<number, number[]>();
    for (let i = 0; i < 11; i++) {
      const frame = [person(i * step, 0.8, 100), person(10 * step - i * step, 0.8, 120)];
      for (const t of tracker.update(frame, (i * 1000) / fps))
        xs.set(t.id, [...(xs.get(t.id) ?? []), t.box.x1]);
    }
    const range = (from: number, by: number) => Array.from({ length: 10 }, (_, i) => from + i * by);
    expect([...xs.keys()]).toEqual([1, 2]);
    expect(xs.get(1)).toEqual(range(step, step));
    expect(xs.get(2)).toEqual(range(9 * step, -step));
  });

  it("keeps both ids when one walker is hidden behind the other as they pass", () => {
    const tracker = new IouTracker();
    const xs = new Map<number, number[]>();
    for (let i = 0; i < 11; i++) {
      // At frames 5–6 only B (the nearer one) is detected; A is behind B for 1 s.
      const a = person(i * 60, 0.8, 100);
      const b = person(600 - i * 60, 0.8, 110);
      const frame = i === 5 || i === 6 ? [b] : [a, b];
      for (const t of tracker.update(frame, i * 500)) xs.set(t.id, [...(xs.get(t.id) ?? []), t.box.x1]);
    }
    expect([...xs.keys()]).toEqual([1, 2]);
    expect(xs.get(1)).toEqual([60, 120, 180, 240, 420, 480, 540, 600]);
    expect(xs.get(2)).toEqual([540, 480, 420, 360, 300, 240, 180, 120, 60, 0]);
  });

  it("revives a lost track within maxLostMs (2 s) where it was heading, whatever the frame rate", () => {
    // Seen for 4 frames, unseen for `unseenMs` (no detection), then seen again on its way.
    const walk = (fps: number, unseenMs: number) => {
      const tracker = new IouTracker();
      const ms = 1000 / fps;
      const seen: number[] = [];
      for (let i = 0; i < 4 + unseenMs / ms + 2; i++) {
        const hidden = i > 3 && (i - 3) * ms < unseenMs;
        // 100 px per second.
        const frame = hidden ? [] : [person((i * ms) / 10)];
        seen.push(...tracker.update(frame, i * ms).map((t) => t.id));
      }
      return [...new Set(seen)];
    };
    expect(walk(1, 2000), "unseen 2 s at 1 fps (one frame missed)").toEqual([1]);
    expect(walk(2, 2000), "unseen 2 s at 2 fps").toEqual([1]);
    expect(walk(10, 2000), "unseen 2 s at 10 fps").toEqual([1]);
    expect(walk(2, 2500), "unseen 2.5 s at 2 fps").toEqual([1, 2]);
    expect(walk(10, 2100), "unseen 2.1 s at 10 fps").toEqual([1, 2]);
  });

  it("follows a walker who turns back within the manoeuvre gate", () => {
    const tracker = new IouTracker();
    // Right at 100 px/s for 2 s, then left at 100 px/s (2 fps).
    const xs = [0, 50, 100, 150, 200, 150, 100, 50, 0];
    const ids = xs.flatMap((x, i) => tracker.update([person(x)], i * 500).map((t) => t.id));
    expect(ids).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it("is deterministic: the same frames give the same tracks", () => {
    const frames = Array.from({ length: 20 }, (_, i) => [
      person(i * 50, 0.5 + (i % 3) * 0.1, 100),
      person(900 - i * 45, 0.8, 130),
      ...(i % 4 === 0 ? [] : [person(300, 0.6, 300)]),
    ]);
    const run = () => feed(new IouTracker(), frames, 500);
    expect(run()).toEqual(run());
  });
});
