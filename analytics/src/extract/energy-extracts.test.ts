import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIESEL_KG_CO2_PER_LITRE } from "../energy/emission-factors.ts";
import { reading } from "../energy/energy-fixture.test-support.ts";
import { keyEnergyUnitsSql } from "../energy/key-energy-units.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { energyDailyEnterprise, energyHourlyEnterprise, energyHourlyTown } from "./energy-extracts.ts";
import { fixtureStore, localMs, rowsOf, site } from "./extract-fixtures.test-support.ts";
import { keyEnergyUnits } from "./key-energy-units-extract.ts";

// Wall-clock times are Asia/Shanghai. The newest reading is 03-08 23:45, so "the last 7 days"
// are 03-02 … 03-08 and the key-unit window is 03-01 … 03-08 (8 days: factor 365 / 8).
const rows = [
  reading("ENT-A", "T1", "electricity", "2026-03-01T10:00", 100),
  reading("ENT-A", "T1", "electricity", "2026-03-01T11:15", 200),
  reading("ENT-A", "T1", "gas", "2026-03-01T10:00", 10),
  reading("ENT-A", "T1", "electricity", "2026-03-05T20:30", 40),
  reading("ENT-A", "T1", "electricity", "2026-03-08T23:45", 50),
  reading("ENT-B", "T2", "electricity", "2026-03-01T23:00", 5),
  reading("ENT-B", "T2", "electricity", "2026-03-02T00:00", 7),
  reading("ENT-B", "T2", "water", "2026-03-08T07:00", 4),
  reading("ENT-B", "T2", "oil", "2026-03-04T09:00", 150_000),
  reading("ENT-C", "T3", "gas", "2026-03-03T12:00", 200_000),
];

describe("energy extracts", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await fixtureStore(
      { energy: rows },
      { enterprises: [{ ...site("ENT-C", "T3", 105.9, 30.2), industry: "chemical" }] },
    );
  });
  afterAll(() => store.close());

  it("energy_daily_enterprise: per Shanghai day, enterprise and carrier, with tce and CO2", async () => {
    const out = await rowsOf(store, energyDailyEnterprise);
    expect(out.map((r) => `${r.day} ${r.enterprise_id} ${r.carrier} ${r.value} ${r.readings}`)).toEqual([
      "2026-03-01 ENT-A electricity 300 2",
      "2026-03-01 ENT-A gas 10 1",
      "2026-03-01 ENT-B electricity 5 1",
      "2026-03-02 ENT-B electricity 7 1",
      "2026-03-03 ENT-C gas 200000 1",
      "2026-03-04 ENT-B oil 150000 1",
      "2026-03-05 ENT-A electricity 40 1",
      "2026-03-08 ENT-A electricity 50 1",
      "2026-03-08 ENT-B water 4 1",
    ]);
    // 300 kWh × 0.1229 kgce = 0.03687 tce; × 0.5366 kg CO2 = 0.16098 t.
    expect(out[0]?.tce).toBeCloseTo(0.03687, 12);
    expect(out[0]?.co2_t).toBeCloseTo(0.16098, 12);
    // 10 m³ gas: 0.012143 tce, 0.0216 t CO2; water 4 t: 0.0010284 tce, no CO2.
    expect([out[1]?.tce, out[1]?.co2_t]).toEqual([expect.closeTo(0.012143, 12), expect.closeTo(0.0216, 12)]);
    expect([out[8]?.tce, out[8]?.co2_t]).toEqual([expect.closeTo(0.0010284, 12), 0]);
  });

  it("energy_hourly_town: the last 7 days of hours, with the time-of-use band", async () => {
    const out = await rowsOf(store, energyHourlyTown);
    expect(out.map((r) => [r.ts, r.day, r.hour_of_day, r.town_code, r.carrier, r.band, r.value])).toEqual([
      [localMs("2026-03-02T00:00"), "2026-03-02", 0, "T2", "electricity", "valley", 7],
      [localMs("2026-03-03T12:00"), "2026-03-03", 12, "T3", "gas", "peak", 200_000],
      [localMs("2026-03-04T09:00"), "2026-03-04", 9, "T2", "oil", "flat", 150_000],
      [localMs("2026-03-05T20:00"), "2026-03-05", 20, "T1", "electricity", "peak", 40],
      [localMs("2026-03-08T07:00"), "2026-03-08", 7, "T2", "water", "valley", 4],
      [localMs("2026-03-08T23:00"), "2026-03-08", 23, "T1", "electricity", "flat", 50],
    ]);
    expect(out[1]?.tce).toBeCloseTo(242.86, 9); // 200,000 m³ × 1.2143 kgce
  });

  it("energy_hourly_enterprise: every hour of every enterprise and carrier", async () => {
    const out = await rowsOf(store, energyHourlyEnterprise);
    expect(out).toHaveLength(10);
    expect(out.slice(0, 3).map((r) => [r.ts, r.enterprise_id, r.carrier, r.value])).toEqual([
      [localMs("2026-03-01T10:00"), "ENT-A", "electricity", 100],
      [localMs("2026-03-01T10:00"), "ENT-A", "gas", 10],
      [localMs("2026-03-01T11:00"), "ENT-A", "electricity", 200],
    ]);
  });

  it("key_energy_units: annualised over the window, classed, with the site's name", async () => {
    const out = await rowsOf(store, keyEnergyUnits);
    const factor = 365 / 8;
    // ENT-C 242.86 tce × 45.625 = 11,080.49 → key; ENT-B 150,000 L × 1.4571 × 0.84 kgce + 12 kWh
    // + 4 t water = 183.5971032 tce → 8,376.64 → designated; ENT-A 0.060074 tce → other.
    expect(out.map((r) => [r.rank, r.enterprise_id, r.class, r.period_start, r.period_end])).toEqual([
      [1, "ENT-C", "key", "2026-03-01", "2026-03-08"],
      [2, "ENT-B", "designated", "2026-03-01", "2026-03-08"],
      [3, "ENT-A", "other", "2026-03-01", "2026-03-08"],
    ]);
    expect(out[0]).toMatchObject({ name: "ENT-C 名称", industry: "equipment", lon: 105.9, lat: 30.2 });
    expect(out[0]?.annual_tce).toBeCloseTo(242.86 * factor, 8);
    expect(out[1]?.tce).toBeCloseTo(183.5971032, 8);
    expect(out[1]?.co2_t).toBeCloseTo((12 * 0.5366 + 150_000 * DIESEL_KG_CO2_PER_LITRE) / 1000, 8);
    expect(out[2]?.tce).toBeCloseTo(0.060074, 10);
    expect(out[2]?.name).toBeNull(); // no site for ENT-A: the row stays, unnamed
  });

  it("key_energy_units agrees with keyEnergyUnitsSql over the same period", async () => {
    const q = keyEnergyUnitsSql({ period: { start: "2026-03-01", end: "2026-03-09" } });
    const kpi = await store.query(q.sql, q.params);
    const out = await rowsOf(store, keyEnergyUnits);
    const pick = (r: Record<string, unknown>) => [
      r.rank,
      r.enterprise_id,
      r.class,
      Number(r.factor).toFixed(9),
    ];
    expect(out.map(pick)).toEqual(kpi.map(pick));
    out.forEach((r, i) => expect(r.annual_tce).toBeCloseTo(Number(kpi[i]?.annual_tce), 9));
  });
});
