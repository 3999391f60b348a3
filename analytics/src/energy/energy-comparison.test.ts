import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeRate, comparisonPeriod } from "../kpi-common/period-comparison.ts";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { energyComparisonSql } from "./energy-comparison.ts";
import { reading } from "./energy-fixture.test-support.ts";

// Electricity by town. March 2026 vs March 2025 (同比) and February 2026 (环比):
// T1: 2,000 now, 1,000 a year ago → +100 %; 1,600 in Feb → +25 %
// T2: 500 now, nothing a year ago → base NULL, rate NULL
// T3: 300 now, 0 a year ago → rate NULL (not Infinity)
// T4: nothing now, 400 a year ago → current NULL
const rows = [
  reading("E1", "T1", "electricity", "2026-03-05T10:00", 2000),
  reading("E1", "T1", "electricity", "2025-03-05T10:00", 1000),
  reading("E1", "T1", "electricity", "2026-02-05T10:00", 1600),
  reading("E2", "T2", "electricity", "2026-03-31T23:45", 500),
  reading("E3", "T3", "electricity", "2026-03-01T00:00", 300),
  reading("E3", "T3", "electricity", "2025-03-01T00:00", 0),
  reading("E4", "T4", "electricity", "2025-03-20T00:00", 400),
  reading("E4", "T4", "gas", "2026-03-20T00:00", 400),
];
const period = { start: "2026-03-01", end: "2026-04-01" };

describe("period comparison", () => {
  it("finds the base period", () => {
    expect(comparisonPeriod(period, "yoy")).toEqual({ start: "2025-03-01", end: "2025-04-01" });
    expect(comparisonPeriod(period, "mom")).toEqual({ start: "2026-02-01", end: "2026-03-01" });
    expect(comparisonPeriod(period, "previous")).toEqual({ start: "2026-01-29", end: "2026-03-01" });
    expect(comparisonPeriod({ start: "2024-02-29", end: "2024-03-01" }, "yoy")).toEqual({
      start: "2023-02-28",
      end: "2023-03-01",
    });
  });

  it("gives null, not Infinity, for a missing or zero base", () => {
    expect(changeRate(2000, 1000)).toBe(1);
    expect(changeRate(300, 0)).toBeNull();
    expect(changeRate(300, null)).toBeNull();
    expect(changeRate(null, 400)).toBeNull();
  });

  describe("energyComparisonSql", () => {
    let store: DuckDBStore;
    beforeAll(async () => {
      store = await storeWith("energy", rows);
    });
    afterAll(async () => {
      await store.close();
    });

    it("joins a period with the same period last year", async () => {
      const got = await run(
        store,
        energyComparisonSql({
          period,
          comparison: "yoy",
          by: ["town_code"],
          measure: "native",
          carrier: "electricity",
        }),
      );
      expect(got.map((r) => [r.town_code, r.current, r.base, r.change, r.change_rate])).toEqual([
        ["T1", 2000, 1000, 1000, 1],
        ["T2", 500, null, null, null],
        ["T3", 300, 0, 300, null],
        ["T4", null, 400, null, null],
      ]);
      expect(got[0]).toMatchObject({ base_start: "2025-03-01", base_end: "2025-04-01" });
    });

    it("compares month on month in tce, district-wide", async () => {
      const got = await run(
        store,
        energyComparisonSql({ period, comparison: "mom", by: ["town_code"], carrier: "electricity" }),
      );
      expect(got.find((r) => r.town_code === "T1")?.change_rate).toBeCloseTo(0.25, 12);
      const [all] = await run(
        store,
        energyComparisonSql({ period, comparison: "mom", measure: "native", carrier: "electricity" }),
      );
      // 2,000 + 500 + 300 = 2,800 vs 1,600 → +75 %
      expect(all).toMatchObject({ current: 2800, base: 1600, change: 1200, change_rate: 0.75 });
    });

    it("refuses native units across carriers", () => {
      expect(() => energyComparisonSql({ period, comparison: "yoy", measure: "native" })).toThrow(
        /choose a carrier/,
      );
    });
  });
});
