import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { airDay, localHourIso, range } from "./air-fixture.test-support.ts";
import { hourlyAqiSeries } from "./hourly-aqi.ts";
import { hourlyAqiSql } from "./hourly-aqi-sql.ts";

/**
 * AIR-H: SO2 500 from 03-01 12:00 to 03-02 01:00 (local), 900 at 03-02 02:00, 100 at 03:00;
 * NO2 250 and PM2.5 80 at 03-02 01:00.
 * - 03-02 00:00: SO2 1 h 500 → 50 + 50·350/350 = 100.
 * - 03-02 01:00: pm25 107, no2 1 h 105, so2 100 → AQI 107, primary pm25.
 * - 03-02 02:00: SO2 900 > 800 → 24 h table on the trailing mean of the 15 hours present,
 *   (14·500 + 900)/15 = 526.67 → 150 + 50·51.67/325 = 157.95 → 158.
 * - 03-02 03:00: SO2 100 → 1 h table 50·100/150 = 33.3 → 34.
 */
function fixture() {
  return [
    ...airDay("AIR-H", "2026-03-01", range(12, 24), () => ({ so2: 500 })),
    ...airDay("AIR-H", "2026-03-02", range(0, 4), (h) =>
      h === 1 ? { so2: 500, no2: 250, pm25: 80 } : { so2: h === 2 ? 900 : h === 3 ? 100 : 500 },
    ),
  ];
}

describe("hourlyAqiSql", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await storeWith("air", fixture());
  });
  afterAll(async () => {
    await store.close();
  });

  it("gives the hand-computed hourly AQIs, reading SO2 history from before the period", async () => {
    const rows = await run(store, hourlyAqiSql({ period: { start: "2026-03-02", end: "2026-03-03" } }));
    expect(rows.map((r) => [r.ts, r.aqi, r.iaqi_so2, r.primary_pollutants])).toEqual([
      [Date.parse(localHourIso("2026-03-02", 0)), 100, 100, "so2"],
      [Date.parse(localHourIso("2026-03-02", 1)), 107, 100, "pm25"],
      [Date.parse(localHourIso("2026-03-02", 2)), 158, 158, "so2"],
      [Date.parse(localHourIso("2026-03-02", 3)), 34, 34, null],
    ]);
  });

  it("equals hourlyAqiSeries", async () => {
    const rows = await run(
      store,
      hourlyAqiSql({ period: { start: "2026-03-01", end: "2026-03-03" }, stations: ["AIR-H"] }),
    );
    const ts = hourlyAqiSeries(fixture());
    expect(rows).toHaveLength(ts.length);
    rows.forEach((r, i) => {
      const t = ts[i];
      expect(r.ts).toBe(t?.ts);
      expect(r.so2_24h).toBeCloseTo(t?.so2_24h ?? Number.NaN, 9);
      expect(r.aqi).toBe(t?.result.aqi);
      expect(r.iaqi_so2).toBe(t?.result.iaqi.so2);
    });
  });
});
