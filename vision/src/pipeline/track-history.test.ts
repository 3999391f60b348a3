import { describe, expect, it } from "vitest";
import type { Track } from "../tracking/track.ts";
import { TrackHistory } from "./track-history.ts";

const at = (id: number, x: number, y: number): Track => ({
  id,
  classId: 2,
  label: "car",
  box: { x1: x - 20, y1: y - 30, x2: x + 20, y2: y },
  score: 0.9,
  state: "confirmed",
  hits: 3,
  missed: 0,
  velocity: { dx: 0, dy: 0 },
  firstSeen: 0,
  lastSeen: 0,
});

describe("TrackHistory", () => {
  it("estimates ground speed from the anchor's displacement and a metres-per-pixel scale", () => {
    const history = new TrackHistory();
    // 10 px per 100 ms = 100 px/s; at 0.05 m/px that is 5 m/s = 18 km/h.
    for (let i = 0; i <= 20; i++) history.update([at(1, 100 + 10 * i, 300)], i * 100);
    expect(history.speedKmh(1, 0.05)).toBeCloseTo(18, 6);
    expect(history.speedKmh(2, 0.05)).toBeUndefined();
  });

  it("measures how long a track stayed within a tolerance of where it is now", () => {
    const history = new TrackHistory();
    const xs = [100, 140, 180, 200, 202, 199, 201, 203, 200];
    xs.forEach((x, i) => history.update([at(1, x, 300)], i * 1000));
    expect(history.stillForMs(1, 5)).toBe(5000);
    expect(history.stillForMs(1, 1)).toBe(0);
  });

  it("forgets tracks not seen for a while and keeps paths bounded", () => {
    const history = new TrackHistory({ keepMs: 1000, forgetAfterMs: 500 });
    for (let i = 0; i < 100; i++) history.update([at(1, 100, 100)], i * 100);
    expect(history.stillForMs(1, 1)).toBeLessThanOrEqual(1100);
    history.update([at(2, 0, 0)], 20_000);
    expect(history.size).toBe(1);
  });
});
