import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import {
  DIESEL_KG_CO2_PER_LITRE,
  GRID_FACTORS,
  co2Factors,
  co2Tonnes,
  co2TonnesSql,
} from "./emission-factors.ts";
import { reading } from "./energy-fixture.test-support.ts";
import { energyMeasure, energyMeasureSql } from "./energy-measure.ts";

describe("CO2 factors", () => {
  it("derives diesel per litre from the accounting parameters", () => {
    // 42.652 GJ/t · 20.2 kgC/GJ = 861.57 kgC/t; · 0.98 = 844.34; · 44/12 = 3,095.9 kgCO2/t; · 0.84 kg/L
    expect(DIESEL_KG_CO2_PER_LITRE).toBeCloseTo(2.6006, 4);
  });

  it("defaults to the national grid and offers the other presets", () => {
    expect(co2Tonnes("electricity", 1000)).toBeCloseTo(0.5366, 12);
    expect(co2Tonnes("gas", 1000)).toBeCloseTo(2.16, 12);
    expect(co2Tonnes("water", 1000)).toBe(0);
    expect(co2Factors({ grid: "southwest-2022" }).electricity).toBe(0.2268);
    expect(co2Factors({ grid: "carbon-market" }).electricity).toBe(0.5703);
    expect(GRID_FACTORS["chongqing-2022"]).toMatchObject({ kgPerKwh: 0.5227, confirmed: false });
    expect(co2Factors({ grid: "chongqing-2022", gridKgPerKwh: 0.6 }).electricity).toBe(0.6);
    expect(() => co2Factors({ gasKgPerM3: -1 })).toThrow(/CO2 factor for "gas"/);
  });

  describe("in SQL", () => {
    let store: DuckDBStore;
    const rows = [
      reading("E1", "T1", "electricity", "2026-03-01T10:00", 1000),
      reading("E1", "T1", "gas", "2026-03-01T10:00", 100),
      reading("E1", "T1", "oil", "2026-03-01T10:00", 50),
      reading("E1", "T1", "water", "2026-03-01T10:00", 7),
    ];
    beforeAll(async () => {
      store = await storeWith("energy", rows);
    });
    afterAll(async () => {
      await store.close();
    });

    it("equals the TS conversion for tce, CO2 and native", async () => {
      const [r] = await run(store, {
        sql: `SELECT sum(${co2TonnesSql("carrier", "value")}) AS co2, sum(${energyMeasureSql()}) AS tce,
          sum(${energyMeasureSql({ measure: "co2", co2: co2Factors({ grid: "southwest-2022" }) })}) AS co2_sw
          FROM energy`,
        params: [],
      });
      // 1000 · 0.5366 + 100 · 2.16 + 50 · 2.6006 = 536.6 + 216 + 130.03 = 882.63 kg
      expect(r?.co2).toBeCloseTo(0.88263, 5);
      // 1000 · 0.1229 + 7 · 0.2571 + 100 · 1.2143 + 50 · 1.4571 · 0.84 = 122.9 + 1.7997 + 121.43 + 61.198 kgce
      expect(r?.tce).toBeCloseTo(0.30733, 5);
      const ts = (measure: "tce" | "co2") =>
        rows.reduce((s, x) => s + energyMeasure(x.carrier, x.value, { measure }), 0);
      expect(r?.tce).toBeCloseTo(ts("tce"), 12);
      expect(r?.co2).toBeCloseTo(ts("co2"), 12);
      expect(r?.co2_sw).toBeCloseTo((226.8 + 216 + 50 * DIESEL_KG_CO2_PER_LITRE) / 1000, 12);
    });
  });
});
