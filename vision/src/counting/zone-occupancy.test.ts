import { describe, expect, it } from "vitest";
import type { Track } from "../tracking/track.ts";
import { ZoneMonitor } from "./zone-occupancy.ts";

const track = (id: number, x: number, y: number, label = "person"): Track => ({
  id,
  classId: label === "car" ? 2 : 0,
  label,
  box: { x1: x - 10, y1: y - 40, x2: x + 10, y2: y },
  score: 0.9,
  state: "confirmed",
  hits: 5,
  missed: 0,
  velocity: { dx: 0, dy: 0 },
  firstSeen: 0,
  lastSeen: 0,
});

const square = {
  id: "square",
  polygon: [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
    { x: 0, y: 100 },
  ],
};

describe("ZoneMonitor", () => {
  it("reports enters, exits with dwell time, and occupancy by label", () => {
    const zones = new ZoneMonitor([square], { exitAfterMs: 1000 });
    const first = zones.update([track(1, 50, 50), track(2, 50, 150), track(3, 20, 90, "car")], 0);
    expect(first.events.map((e) => [e.type, e.trackId])).toEqual([
      ["enter", 1],
      ["enter", 3],
    ]);
    const second = zones.update([track(1, 60, 50), track(2, 50, 80), track(3, 20, 95, "car")], 500);
    expect(second.events.map((e) => [e.type, e.trackId])).toEqual([["enter", 2]]);
    expect(second.occupancy).toEqual([
      { zoneId: "square", count: 3, byLabel: { person: 2, car: 1 }, dwellMs: { 1: 500, 2: 0, 3: 500 } },
    ]);
    // Track 1 walks out; track 3 stops being reported and exits once exitAfterMs has passed.
    const third = zones.update([track(1, 150, 50), track(2, 50, 80)], 1000);
    expect(third.events).toEqual([
      { zoneId: "square", trackId: 1, label: "person", type: "exit", timestamp: 1000, dwellMs: 1000 },
    ]);
    const fourth = zones.update([track(2, 50, 80)], 1600);
    expect(fourth.events).toEqual([
      { zoneId: "square", trackId: 3, label: "car", type: "exit", timestamp: 500, dwellMs: 500 },
    ]);
    expect(fourth.occupancy[0]?.count).toBe(1);
  });
});
