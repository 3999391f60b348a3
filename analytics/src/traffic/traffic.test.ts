import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrafficClass } from "@citybrain/datasets";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { congestionBand } from "./congestion-bands.ts";
import { congestionByCamera, congestionSql, freeFlowSpeeds } from "./congestion.ts";
import { peakHourSql, peakHours } from "./peak-hour.ts";
import { trafficVolumes, trafficVolumesSql } from "./traffic-volume.ts";

const row = (
  camera: string,
  local: string,
  cls: TrafficClass,
  direction: "up" | "down",
  count: number,
  speed: number | null,
) => ({
  ts: new Date(`${local}:00+08:00`).toISOString(),
  camera_id: camera,
  line_id: "L1",
  road_id: "R1",
  town_code: "500152001",
  direction,
  class: cls,
  count,
  mean_speed_kmh: speed,
});

// CAM-1 on 2026-03-01: 08:00 car up 10 @25, 08:01 car down 5 @50, 08:00 person up 3, 08:30
// truck up 2 @20, 09:00 motorcycle up 0, 17:00 car up 12 @40, 17:05 bus down 1 @30.
// CAM-2: 03-01 10:00 and 11:00 car up 4 @60 (a tie), 03-02 07:00 car up 7 @30.
const rows = [
  row("CAM-1", "2026-03-01T08:00", "car", "up", 10, 25),
  row("CAM-1", "2026-03-01T08:01", "car", "down", 5, 50),
  row("CAM-1", "2026-03-01T08:00", "person", "up", 3, null),
  row("CAM-1", "2026-03-01T08:30", "truck", "up", 2, 20),
  row("CAM-1", "2026-03-01T09:00", "motorcycle", "up", 0, null),
  row("CAM-1", "2026-03-01T17:00", "car", "up", 12, 40),
  row("CAM-1", "2026-03-01T17:05", "bus", "down", 1, 30),
  row("CAM-2", "2026-03-01T10:00", "car", "up", 4, 60),
  row("CAM-2", "2026-03-01T11:00", "car", "up", 4, 60),
  row("CAM-2", "2026-03-02T07:00", "car", "up", 7, 30),
];
const period = { start: "2026-03-01", end: "2026-03-03" };

describe("traffic KPIs", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await storeWith("traffic", rows);
  });
  afterAll(async () => {
    await store.close();
  });

  it("sums volumes by class and direction", async () => {
    const q = trafficVolumesSql({
      period: { start: "2026-03-01", end: "2026-03-02" },
      by: ["class", "direction"],
    });
    const got = await run(store, q);
    expect(got).toEqual([
      { class: "bus", direction: "down", volume: 1 },
      { class: "car", direction: "down", volume: 5 },
      { class: "car", direction: "up", volume: 30 }, // 10 + 12 + 4 + 4
      { class: "motorcycle", direction: "up", volume: 0 },
      { class: "person", direction: "up", volume: 3 },
      { class: "truck", direction: "up", volume: 2 },
    ]);
    const day1 = rows.filter((r) => r.ts < "2026-03-01T16:00");
    expect(trafficVolumes(day1, { by: ["class", "direction"] })).toEqual(got);
  });

  it("buckets volumes by local hour, as the TS version does", async () => {
    const got = await run(
      store,
      trafficVolumesSql({ period, by: ["camera_id"], grain: "hour", classes: ["car", "bus"] }),
    );
    expect(got.slice(0, 2)).toEqual([
      { camera_id: "CAM-1", day: "2026-03-01", hour: 8, volume: 15 },
      { camera_id: "CAM-1", day: "2026-03-01", hour: 17, volume: 13 },
    ]);
    expect(trafficVolumes(rows, { by: ["camera_id"], grain: "hour", classes: ["car", "bus"] })).toEqual(got);
  });

  it("finds the peak hour per camera and day, earliest of a tie", async () => {
    const got = await run(store, peakHourSql({ period }));
    expect(got.map((r) => [r.camera_id, r.day, r.peak_hour, r.peak_volume, r.day_volume])).toEqual([
      ["CAM-1", "2026-03-01", 8, 17, 30], // 10 + 5 + 2 motorised at 08; 13 at 17; 0 at 09
      ["CAM-2", "2026-03-01", 10, 4, 8],
      ["CAM-2", "2026-03-02", 7, 7, 7],
    ]);
    expect(got[0]?.peak_share).toBeCloseTo(17 / 30, 12);
    expect(peakHours(rows)).toEqual(got.map((r) => ({ ...r })));
  });

  it("computes the congestion index with a fixed free-flow speed", async () => {
    const freeFlow = { kind: "fixed", kmh: 50, byCamera: { "CAM-2": 60 } } as const;
    const got = await run(store, congestionSql({ period, freeFlow }));
    // CAM-1 08: (10·50/25 + 5·50/50 + 2·50/20) / 17 = 30/17 = 1.765 → 轻度拥堵 (3)
    // CAM-1 17: (12·50/40 + 1·50/30) / 13 = 16.667/13 = 1.282 → 畅通 (1)
    // CAM-2 10: 60/60 = 1 → 1
    expect(got.map((r) => [r.camera_id, r.hour, r.volume, r.level])).toEqual([
      ["CAM-1", 8, 17, 3],
      ["CAM-1", 17, 13, 1],
      ["CAM-2", 10, 4, 1],
      ["CAM-2", 11, 4, 1],
      ["CAM-2", 7, 7, 4], // 60/30 = 2.0 → 中度拥堵 (lower bound inclusive)
    ]);
    expect(got[0]?.tti).toBeCloseTo(30 / 17, 12);
    expect(got[1]?.tti).toBeCloseTo(16.6666666667 / 13, 9);
    expect(congestionBand(30 / 17)?.zh).toBe("轻度拥堵");
  });

  it("derives free-flow from the 85th percentile and matches the TS version", async () => {
    // CAM-1 speeds 20, 25, 30, 40, 50: position 4 · 0.85 = 3.4 → 40 + 0.4 · 10 = 44 km/h
    expect(freeFlowSpeeds(rows).get("CAM-1")).toBeCloseTo(44, 12);
    for (const grain of ["hour", "day", "period"] as const) {
      const got = await run(store, congestionSql({ period, grain }));
      const ts = congestionByCamera(rows, grain);
      expect(got).toHaveLength(ts.length);
      got.forEach((r, i) => {
        const t = ts[i];
        expect([r.camera_id, r.day ?? null, r.hour ?? null, r.volume, r.level]).toEqual([
          t?.camera_id,
          t?.day,
          t?.hour,
          t?.volume,
          t?.band?.level,
        ]);
        expect(r.tti).toBeCloseTo(t?.tti ?? Number.NaN, 12);
      });
    }
    // CAM-1 08 with 44 km/h: (10·44/25 + 5·44/50 + 2·44/20) / 17 = 26.4/17 = 1.553 → 基本畅通 (2)
    const [first] = await run(store, congestionSql({ period }));
    expect(first?.tti).toBeCloseTo(26.4 / 17, 12);
    expect(first?.level).toBe(2);
  });

  it("rejects unknown dimensions, classes and free-flow settings", () => {
    expect(() => trafficVolumesSql({ period, by: ["speed" as never] })).toThrow(/traffic dimension "speed"/);
    expect(() => peakHourSql({ period, classes: ["tank" as never] })).toThrow(/traffic class "tank"/);
    expect(() => congestionSql({ period, freeFlow: { kind: "percentile", p: 0 } })).toThrow(/freeFlow.p/);
  });
});
