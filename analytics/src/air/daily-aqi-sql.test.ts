import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { airFixture } from "./air-fixture.test-support.ts";
import type { DailyAqiOptions } from "./aqi.ts";
import { dailyAqi } from "./aqi.ts";
import { dailyAirConcentrations } from "./daily-concentrations.ts";
import { dailyAqiSql } from "./daily-aqi-sql.ts";
import { airDaySummarySql, summariseAirDays } from "./exceedance.ts";

const period = { start: "2026-03-01", end: "2026-03-03" };

describe("dailyAqiSql", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await storeWith("air", airFixture());
  });
  afterAll(async () => {
    await store.close();
  });

  it("gives the hand-computed daily AQIs", async () => {
    const rows = await run(store, dailyAqiSql({ period }));
    const pick = (r: Record<string, unknown>) => [
      r.station_id,
      r.day,
      r.hours,
      r.aqi,
      r.level,
      r.primary_pollutants,
      r.exceeding,
    ];
    expect(rows.map(pick)).toEqual([
      ["AIR-A", "2026-03-01", 24, 128, 3, "o3", true],
      ["AIR-A", "2026-03-02", 1, null, null, null, null],
      ["AIR-B", "2026-03-01", 20, 50, 1, null, false],
      ["AIR-C", "2026-03-01", 24, 107, 3, "pm25,pm10", true],
      ["AIR-D", "2026-03-01", 24, 155, 4, "o3", true],
    ]);
    expect(rows[0]).toMatchObject({
      iaqi_pm25: 109,
      iaqi_pm10: 87,
      iaqi_so2: 10,
      iaqi_no2: 52,
      iaqi_co: 25,
      iaqi_o3: 128,
    });
    expect(rows[0]).toMatchObject({ pm25: 81.5, o3_8h: 190, o3_1h: 190 });
    expect(rows[2]).toMatchObject({ iaqi_pm10: null, iaqi_o3: 50, o3_8h: 100 });
    const without1h = await run(store, dailyAqiSql({ period, stations: ["AIR-D"], o3OneHourInDaily: false }));
    expect(without1h[0]).toMatchObject({ o3_8h: 73.75, o3_1h: 310, aqi: 37 });
  });

  it("equals the TypeScript implementation on the fixture, for each standard and O3 rule", async () => {
    const variants: DailyAqiOptions[] = [{}, { standard: "hj633-2026-draft" }, { o3OneHourInDaily: false }];
    for (const options of variants) {
      const rows = await run(store, dailyAqiSql({ period, ...options }));
      const expected = dailyAirConcentrations(airFixture()).map((d) => {
        const r = dailyAqi(d, options);
        return {
          station_id: d.station_id,
          day: d.day,
          aqi: r.aqi,
          primary_pollutants: r.primaryPollutants.length > 0 ? r.primaryPollutants.join(",") : null,
          ...Object.fromEntries(Object.entries(r.iaqi).map(([p, v]) => [`iaqi_${p}`, v])),
        };
      });
      expect(rows.map((r) => ({ ...r }))).toMatchObject(expected);
    }
  });

  it("applies the validity minima: one hour short of 20 voids the 24 h means", async () => {
    const rows = await run(
      store,
      dailyAqiSql({ period, stations: ["AIR-B"], validity: { minHours24h: 21 } }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ pm25: null, so2: null, o3_1h: null, o3_8h: 100, aqi: 50 });
    // Requiring 16 valid 8 h windows voids O3 too (only 15 exist).
    const strict = await run(
      store,
      dailyAqiSql({ period, stations: ["AIR-B"], validity: { minWindows8h: 16 } }),
    );
    expect(strict[0]).toMatchObject({ o3_8h: null, iaqi_o3: 32 });
  });

  it("binds values as parameters, never in the SQL text", () => {
    const q = dailyAqiSql({ period, stations: ["AIR-'x"] });
    expect(q.sql).not.toContain("AIR-'x");
    expect(q.sql).not.toContain("2026-03-01");
    expect(q.params).toEqual(["2026-03-01", "2026-03-03", "AIR-'x", 20, 20, 20, 20, 20, 20, 6, 14, 6]);
    expect(() => dailyAqiSql({ period: { start: "2026-03-03", end: "2026-03-01" } })).toThrow(
      /must be after start/,
    );
  });

  it("counts exceedance and good days per station", async () => {
    const rows = await run(store, airDaySummarySql({ period }));
    expect(rows).toEqual([
      { station_id: "AIR-A", valid_days: 1, exceedance_days: 1, good_days: 0, good_rate: 0 },
      { station_id: "AIR-B", valid_days: 1, exceedance_days: 0, good_days: 1, good_rate: 1 },
      { station_id: "AIR-C", valid_days: 1, exceedance_days: 1, good_days: 0, good_rate: 0 },
      { station_id: "AIR-D", valid_days: 1, exceedance_days: 1, good_days: 0, good_rate: 0 },
    ]);
    expect(summariseAirDays([{ aqi: 101 }, { aqi: 100 }, { aqi: null }])).toEqual({
      validDays: 2,
      exceedanceDays: 1,
      goodDays: 1,
      goodRate: 0.5,
    });
    expect(summariseAirDays([{ aqi: null }]).goodRate).toBeNull();
  });
});
