import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { airFixture } from "../air/air-fixture.test-support.ts";
import { dailyAqiSql } from "../air/daily-aqi-sql.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { airDailyAqi, airLatest } from "./air-extracts.ts";
import { fixtureStore, localMs, rowsOf, site } from "./extract-fixtures.test-support.ts";

describe("air extracts", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await fixtureStore(
      { air: airFixture() },
      { ecoStations: [{ ...site("AIR-A", "500152001", 105.83, 30.19), kind: "urban" }] },
    );
  });
  afterAll(() => store.close());

  it("air_daily_aqi: AQI, category and primary pollutants per station and day", async () => {
    const out = await rowsOf(store, airDailyAqi);
    // Hand-computed in air-fixture.test-support.ts: A 128 (O3), B 50 (no primary), C 107 (tie
    // PM2.5/PM10), D 155 (the 1 h O3 maximum); A on 03-02 has one hour: no AQI.
    expect(
      out.map((r) => [r.day, r.station_id, r.aqi, r.level, r.category, r.color, r.primary_pollutants]),
    ).toEqual([
      ["2026-03-01", "AIR-A", 128, 3, "轻度污染", "#FF7E00", "o3"],
      ["2026-03-01", "AIR-B", 50, 1, "优", "#00E400", null],
      ["2026-03-01", "AIR-C", 107, 3, "轻度污染", "#FF7E00", "pm25,pm10"],
      ["2026-03-01", "AIR-D", 155, 4, "中度污染", "#FF0000", "o3"],
      ["2026-03-02", "AIR-A", null, null, null, null, null],
    ]);
    expect(out[0]).toMatchObject({ name: "AIR-A 名称", hours: 24, pm25: 81.5, o3_8h: 190, exceeding: true });
  });

  it("air_daily_aqi equals dailyAqiSql", async () => {
    const q = dailyAqiSql({ period: { start: "2026-03-01", end: "2026-03-03" } });
    const kpi = await store.query(q.sql, q.params);
    const pick = (r: Record<string, unknown>) => [r.station_id, r.day, r.aqi, r.level, r.primary_pollutants];
    const out = await rowsOf(store, airDailyAqi);
    expect(
      [...out].sort((a, b) => String(a.station_id).localeCompare(String(b.station_id))).map(pick),
    ).toEqual(kpi.map(pick));
  });

  it("air_latest: each station's newest hourly AQI", async () => {
    const out = await rowsOf(store, airLatest);
    // A 03-02 00:00: PM2.5 300 → 350, O3 1 h 900 → 300 + 100 · 100/200 = 350: a tie. B 19:00: PM2.5 35
    // → 50, SO2 50 → 17, O3 100 → 32. C 23:00: 107 tie. D 23:00: O3 40 → 12.5 → 13.
    expect(out.map((r) => [r.station_id, r.ts, r.aqi, r.category, r.primary_pollutants])).toEqual([
      ["AIR-A", localMs("2026-03-02T00:00"), 350, "严重污染", "pm25,o3"],
      ["AIR-B", localMs("2026-03-01T19:00"), 50, "优", null],
      ["AIR-C", localMs("2026-03-01T23:00"), 107, "轻度污染", "pm25,pm10"],
      ["AIR-D", localMs("2026-03-01T23:00"), 13, "优", null],
    ]);
    expect(out[0]).toMatchObject({ lon: 105.83, lat: 30.19, town_code: "500152001", exceeding: true });
  });
});
