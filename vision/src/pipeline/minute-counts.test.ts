import { traffic, validateRows } from "@citybrain/datasets";
import { describe, expect, it } from "vitest";
import { MinuteCounts } from "./minute-counts.ts";

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);

describe("MinuteCounts", () => {
  it("buckets crossings into UTC minutes per line × direction × class, with mean speed", () => {
    const counts = new MinuteCounts({
      cameraId: "CAM-00822",
      townCode: "500152001",
      roadOf: (line) => (line === "L1" ? "RD-U03" : null),
    });
    counts.add({ lineId: "L1", direction: "up", trafficClass: "car", timestamp: T0 + 1_000, speedKmh: 30 });
    counts.add({ lineId: "L1", direction: "up", trafficClass: "car", timestamp: T0 + 59_999, speedKmh: 41 });
    counts.add({ lineId: "L1", direction: "down", trafficClass: "person", timestamp: T0 + 30_000 });
    counts.add({ lineId: "L2", direction: "up", trafficClass: "bus", timestamp: T0 + 60_000 });
    expect(counts.closeBefore(T0 + 59_000)).toEqual([]);
    const first = counts.closeBefore(T0 + 60_500);
    expect(first).toEqual([
      {
        ts: T0,
        camera_id: "CAM-00822",
        line_id: "L1",
        road_id: "RD-U03",
        town_code: "500152001",
        direction: "up",
        class: "car",
        count: 2,
        mean_speed_kmh: 35.5,
      },
      {
        ts: T0,
        camera_id: "CAM-00822",
        line_id: "L1",
        road_id: "RD-U03",
        town_code: "500152001",
        direction: "down",
        class: "person",
        count: 1,
        mean_speed_kmh: null,
      },
    ]);
    const rest = counts.closeAll();
    expect(rest.map((r) => [r.ts - T0, r.line_id, r.road_id, r.class, r.count])).toEqual([
      [60_000, "L2", null, "bus", 1],
    ]);
    expect(counts.closeAll()).toEqual([]);
    // The rows are valid `traffic` rows as the server's ingest will check them.
    const { errors } = validateRows(traffic, [...first, ...rest]);
    expect(errors).toEqual([]);
  });
});
