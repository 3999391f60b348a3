import { describe, expect, it } from "vitest";
import { parseCameraConfig } from "../config/parse-vision-config.ts";
import type { Track } from "../tracking/track.ts";
import { TrackHistory } from "./track-history.ts";
import { ZoneRules } from "./zone-rules.ts";

const track = (id: number, x: number, y: number, label = "person"): Track => ({
  id,
  classId: 0,
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

const square = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 100 },
  { x: 0, y: 100 },
];

function rulesFor(rules: unknown[]): ZoneRules {
  const camera = parseCameraConfig({
    id: "cam",
    townCode: "500152001",
    source: { kind: "push" },
    zones: [{ id: "sq", name: "广场", polygon: square, rules }],
  });
  return new ZoneRules(camera.zones);
}

describe("ZoneRules", () => {
  it("raises crowding once per episode, after the crowd has lasted minSeconds", () => {
    const rules = rulesFor([{ kind: "crowding", minCount: 3, minSeconds: 2 }]);
    const history = new TrackHistory();
    const crowd = [track(1, 10, 50), track(2, 30, 50), track(3, 50, 50), track(4, 200, 50)];
    const raised: number[] = [];
    const feed = (tracks: Track[], t: number) => {
      history.update(tracks, t);
      for (const e of rules.update(tracks, t, history).events) raised.push(e.startedAt, e.at, e.count ?? -1);
    };
    for (let t = 0; t <= 4000; t += 500) feed(t < 1000 ? crowd.slice(0, 2) : crowd, t);
    expect(raised).toEqual([1000, 3000, 3]);
    // Still crowded: no repeat. Gone for > 5 s: a new crowd is a new event.
    for (let t = 4500; t <= 12_000; t += 500) feed([], t);
    for (let t = 12_500; t <= 15_000; t += 500) feed(crowd, t);
    expect(raised).toEqual([1000, 3000, 3, 12_500, 14_500, 3]);
  });

  it("raises a vehicle in a no-vehicle zone once per track, ignoring people", () => {
    const rules = rulesFor([{ kind: "no-vehicle", minSeconds: 1 }]);
    const history = new TrackHistory();
    const events = [];
    for (let t = 0; t <= 3000; t += 500) {
      const tracks = [
        track(1, 50, 50, "person"),
        track(2, 20 + t / 100, 60, "car"),
        track(3, 300, 60, "truck"),
      ];
      history.update(tracks, t);
      events.push(...rules.update(tracks, t, history).events);
    }
    expect(events.map((e) => [e.rule, e.trackId, e.trafficClass, e.startedAt, e.at])).toEqual([
      ["vision.vehicle_in_zone", 2, "car", 0, 1000],
    ]);
  });

  it("raises a stopped vehicle once it has stayed within maxMovePx for minSeconds", () => {
    const rules = rulesFor([{ kind: "stopped-vehicle", minSeconds: 3, maxMovePx: 4 }]);
    const history = new TrackHistory();
    const events = [];
    for (let t = 0; t <= 8000; t += 500) {
      // The car drives in and stops at x = 60 from t = 2 s; the bus keeps moving.
      const x = Math.min(20 + t / 50, 60) + (t % 1000 === 0 ? 1 : -1);
      const tracks = [track(1, x, 80, "car"), track(2, 10 + t / 100, 90, "bus")];
      history.update(tracks, t);
      events.push(...rules.update(tracks, t, history).events);
    }
    expect(events.map((e) => [e.rule, e.trackId, e.startedAt, e.at])).toEqual([
      ["vision.stopped_vehicle", 1, 2000, 5000],
    ]);
  });
});
