import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { congestionSql } from "../traffic/congestion.ts";
import { fixtureStore, local, localMs, rowsOf, site } from "./extract-fixtures.test-support.ts";
import { trafficCongestion, trafficHourly } from "./traffic-extracts.ts";

const row = (t: string, line: string, cls: string, count: number, speed: number | null, dir = "up") => ({
  ts: local(t),
  camera_id: "CAM-1",
  line_id: line,
  road_id: "RD-1",
  town_code: "T1",
  direction: dir,
  class: cls,
  count,
  mean_speed_kmh: speed,
});

const rows = [
  // 03-01 10:00–10:59: two lines of one camera add up; speed weighted by count.
  row("2026-03-01T10:00", "L1", "car", 10, 40),
  row("2026-03-01T10:01", "L2", "car", 30, 20),
  row("2026-03-01T10:02", "L1", "bicycle", 5, null),
  row("2026-03-01T10:03", "L1", "car", 2, 30, "down"),
  // 03-02, the newest day: the congestion extract reads only these.
  row("2026-03-02T08:00", "L1", "car", 10, 50),
  row("2026-03-02T08:01", "L1", "car", 10, 25),
  row("2026-03-02T08:02", "L1", "bicycle", 9, 12),
  row("2026-03-02T09:00", "L1", "truck", 20, 40),
];

describe("traffic extracts", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await fixtureStore(
      { traffic: rows },
      { cameras: [{ ...site("CAM-1", "T1", 105.85, 30.17), kind: "road", road_id: "RD-1" }] },
    );
  });
  afterAll(() => store.close());

  it("traffic_hourly: lines summed per camera, hour, class and direction", async () => {
    const out = await rowsOf(store, trafficHourly);
    const hour10 = localMs("2026-03-01T10:00");
    expect(out.filter((r) => r.ts === hour10)).toEqual([
      { ts: hour10, camera_id: "CAM-1", class: "bicycle", direction: "up", count: 5, mean_speed_kmh: null },
      // (10 · 40 + 30 · 20) / 40 = 25
      { ts: hour10, camera_id: "CAM-1", class: "car", direction: "down", count: 2, mean_speed_kmh: 30 },
      { ts: hour10, camera_id: "CAM-1", class: "car", direction: "up", count: 40, mean_speed_kmh: 25 },
    ]);
    expect(out).toHaveLength(6);
  });

  it("traffic_congestion: the newest day per hour, with the camera's place", async () => {
    const out = await rowsOf(store, trafficCongestion);
    // Free flow: 85th percentile of the day's motorised speeds 25, 40, 50 → 40 + 0.7 · 10 = 47.
    // 08:00: (10 · 47/50 + 10 · 47/25) / 20 = 1.41 → level 2; 09:00: 47/40 = 1.175 → level 1.
    expect(out.map((r) => [r.day, r.hour, r.volume, r.level])).toEqual([
      ["2026-03-02", 8, 20, 2],
      ["2026-03-02", 9, 20, 1],
    ]);
    expect(out[0]?.free_flow_kmh).toBeCloseTo(47, 12);
    expect(out[0]?.tti).toBeCloseTo(1.41, 12);
    expect(out[1]?.tti).toBeCloseTo(1.175, 12);
    expect(out[0]).toMatchObject({ camera_id: "CAM-1", name: "CAM-1 名称", road_id: "RD-1", lon: 105.85 });
  });

  it("traffic_congestion equals congestionSql over that day", async () => {
    const q = congestionSql({ period: { start: "2026-03-02", end: "2026-03-03" }, grain: "hour" });
    const kpi = await store.query(q.sql, q.params);
    const out = await rowsOf(store, trafficCongestion);
    const pick = (r: Record<string, unknown>) => [
      r.camera_id,
      r.day,
      Number(r.hour),
      r.free_flow_kmh,
      r.volume,
      r.tti,
      Number(r.level),
    ];
    expect(out.map(pick)).toEqual(kpi.map(pick));
  });
});
