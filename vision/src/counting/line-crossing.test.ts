import { describe, expect, it } from "vitest";
import type { Track } from "../tracking/track.ts";
import { LineCounter } from "./line-crossing.ts";

const track = (id: number, x: number, y = 100, label = "person"): Track => ({
  id,
  classId: 0,
  label,
  box: { x1: x - 10, y1: y - 50, x2: x + 10, y2: y },
  score: 0.9,
  state: "confirmed",
  hits: 5,
  missed: 0,
  velocity: { dx: 0, dy: 0 },
  firstSeen: 0,
  lastSeen: 0,
});

// A vertical line drawn upwards: walking towards +x crosses it left-to-right.
const line = {
  id: "gate",
  a: { x: 100, y: 200 },
  b: { x: 100, y: 0 },
  names: { leftToRight: "in", rightToLeft: "out" },
};

describe("LineCounter", () => {
  it("counts each crossing once, with direction, despite jitter on the line", () => {
    const counter = new LineCounter([line], { margin: 4 });
    const xs = [80, 90, 98, 101, 99, 102, 110, 120, 97, 90];
    const events = xs.flatMap((x, i) => counter.update([track(7, x)], i * 100));
    expect(events.map((e) => [e.trackId, e.direction, e.name, e.timestamp])).toEqual([
      [7, "left-to-right", "in", 600],
      [7, "right-to-left", "out", 900],
    ]);
    expect(counter.counts()).toEqual([
      { lineId: "gate", direction: "left-to-right", label: "person", count: 1 },
      { lineId: "gate", direction: "right-to-left", label: "person", count: 1 },
    ]);
  });

  it("ignores paths that pass beyond the end of the segment, and keeps tracks apart", () => {
    const counter = new LineCounter([line]);
    counter.update([track(1, 50, 300), track(2, 50, 100)], 0);
    const events = counter.update([track(1, 150, 300), track(2, 150, 100, "person")], 100);
    expect(events.map((e) => e.trackId)).toEqual([2]);
  });

  it("counts a track first reported past the line from its previous match (confirmed late)", () => {
    const counter = new LineCounter([line]);
    // Seen at x = 60 (tentative, not reported), confirmed at x = 140 half a second later.
    const late = { ...track(3, 140), previous: { box: track(3, 60).box, seen: 0 } };
    const [event] = counter.update([late], 500);
    expect(event).toMatchObject({ trackId: 3, direction: "left-to-right", timestamp: 500, crossedAt: 250 });
    // Counted once: the next frame further on is not another crossing.
    const next = { ...track(3, 200), previous: { box: late.box, seen: 500 } };
    expect(counter.update([next], 1000)).toEqual([]);
  });

  it("does not count a new track from nowhere, nor one whose previous match was on the line", () => {
    const counter = new LineCounter([line], { margin: 4 });
    expect(counter.update([track(4, 140)], 0)).toEqual([]);
    const onLine = { ...track(5, 140), previous: { box: track(5, 102).box, seen: 0 } };
    expect(counter.update([onLine], 500)).toEqual([]);
    // …but the side it came from is remembered when its first reported point is on the line.
    const fromLeft = { ...track(6, 101), previous: { box: track(6, 60).box, seen: 0 } };
    expect(counter.update([fromLeft], 1000)).toEqual([]);
    expect(counter.update([track(6, 150)], 2000).map((e) => e.direction)).toEqual(["left-to-right"]);
  });

  it("interpolates when the anchor crossed between two sampled positions", () => {
    const counter = new LineCounter([line]);
    counter.update([track(8, 190)], 0);
    // 190 → 70 in one second (1 fps): the line at x = 100 is passed 3/4 of the way.
    const [event] = counter.update([track(8, 70)], 1000);
    expect(event).toMatchObject({ direction: "right-to-left", timestamp: 1000, crossedAt: 750 });
  });
});
