import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { energyIntensity, energyIntensitySql } from "./energy-intensity.ts";
import { reading } from "./energy-fixture.test-support.ts";

// Q1 2026. T1: 1,000,000 kWh = 122.9 tce over output 100 + 200 + 300 = 600 (万元) in Jan–Mar
// → 0.20483 tce/万元 (April’s 900 is outside). T2: 100,000 m³ gas = 121.43 tce
// over output 0 → NULL. T3: output 50, no energy → energy NULL.
const rows = [
  reading("E1", "T1", "electricity", "2026-02-10T10:00", 1_000_000),
  reading("E2", "T2", "gas", "2026-03-10T10:00", 100_000),
];
const period = { start: "2026-01-01", end: "2026-04-01" };
const denominator = { table: "town_output", keyColumn: "town_code" };

describe("energy intensity", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await storeWith("energy", rows);
    await store.query("CREATE TABLE town_output (town_code VARCHAR, month DATE, value DOUBLE)");
    await store.query(`INSERT INTO town_output VALUES
      ('T1', '2026-01-01', 100), ('T1', '2026-02-01', 200), ('T1', '2026-03-01', 300), ('T1', '2026-04-01', 900),
      ('T2', '2026-02-01', 0), ('T3', '2026-03-01', 50)`);
  });
  afterAll(async () => {
    await store.close();
  });

  it("divides energy by output per town; missing or zero output → NULL", async () => {
    const got = await run(store, energyIntensitySql({ period, by: "town_code", denominator }));
    expect(got.map((r) => r.town_code)).toEqual(["T1", "T2", "T3"]);
    expect(got[0]?.energy).toBeCloseTo(122.9, 9);
    expect(got[0]?.output).toBe(600);
    expect(got[0]?.intensity).toBeCloseTo(122.9 / 600, 12);
    expect(got[1]).toMatchObject({ output: 0, intensity: null });
    expect(got[2]).toMatchObject({ energy: null, output: 50, intensity: null });
  });

  it("gives a district figure without a key", async () => {
    const [all] = await run(store, energyIntensitySql({ period, denominator: { table: "town_output" } }));
    // (122.9 + 121.43) / (600 + 0 + 50)
    expect(all?.intensity).toBeCloseTo((122.9 + 121.43) / 650, 9);
    expect(energyIntensity(10, 0)).toBeNull();
    expect(energyIntensity(10, 4)).toBe(2.5);
  });

  it("accepts only snake_case denominator names and a matching key", () => {
    expect(() =>
      energyIntensitySql({
        period,
        by: "town_code",
        denominator: { ...denominator, table: "x; DROP TABLE energy" },
      }),
    ).toThrow(/denominator.table: expected a snake_case/);
    expect(() => energyIntensitySql({ period, denominator })).toThrow(
      /give both `by` and `denominator.keyColumn`/,
    );
  });
});
