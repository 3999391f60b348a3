import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { reading } from "./energy-fixture.test-support.ts";
import {
  annualisationFactor,
  keyEnergyUnitsSql,
  keyUnitClass,
  rankKeyEnergyUnits,
} from "./key-energy-units.ts";

// March 2026 (31 days), annualised × 365/31:
// E1 10,000,000 kWh · 0.1229 kgce = 1,229 tce → 1,229 · 365 / 31 = 14,470.48 tce/yr → key
// E2 500,000 m³ gas · 1.2143 = 607.15 tce → 607.15 · 365 / 31 = 7,148.70 → designated
// E3 10,000 L oil · 1.4571 · 0.84 = 12.24 tce → 144.1 → other
// E4 only in April: not ranked for March.
const rows = [
  reading("E1", "T1", "electricity", "2026-03-10T10:00", 10_000_000),
  reading("E2", "T2", "gas", "2026-03-10T10:00", 500_000),
  reading("E3", "T2", "oil", "2026-03-31T23:45", 10_000),
  reading("E4", "T1", "electricity", "2026-04-01T00:00", 1e9),
];
const period = { start: "2026-03-01", end: "2026-04-01" };

describe("key energy units", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await storeWith("energy", rows);
  });
  afterAll(async () => {
    await store.close();
  });

  it("classifies by annual tce at the thresholds", () => {
    expect([10_000, 9_999.99, 5_000, 4_999.99].map((t) => keyUnitClass(t))).toEqual([
      "key",
      "designated",
      "designated",
      "other",
    ]);
    expect(keyUnitClass(6_000, { key: 8_000, designated: 6_000 })).toBe("designated");
  });

  it("annualises a partial period explicitly", () => {
    expect(annualisationFactor({ period })).toBeCloseTo(365 / 31, 12);
    expect(annualisationFactor({ period, annualise: "none" })).toBe(1);
    expect(
      annualisationFactor({ period: { start: "2026-01-01", end: "2026-04-01" }, daysPerYear: 360 }),
    ).toBe(4);
  });

  it("ranks enterprises in SQL as in TS", async () => {
    const got = await run(store, keyEnergyUnitsSql({ period }));
    expect(got.map((r) => [r.rank, r.enterprise_id, r.class])).toEqual([
      [1, "E1", "key"],
      [2, "E2", "designated"],
      [3, "E3", "other"],
    ]);
    expect(got[0]?.tce).toBeCloseTo(1229, 9);
    expect(got[0]?.annual_tce).toBeCloseTo(14_470.484, 3);
    expect(got[1]?.annual_tce).toBeCloseTo(7_148.702, 3);
    const ts = rankKeyEnergyUnits(rows, { period });
    expect(ts.map((r) => [r.rank, r.enterprise_id, r.class])).toEqual(
      got.map((r) => [r.rank, r.enterprise_id, r.class]),
    );
    ts.forEach((r, i) => expect(got[i]?.annual_tce).toBeCloseTo(r.annual_tce, 9));
  });

  it("does not annualise when told not to", async () => {
    const got = await run(store, keyEnergyUnitsSql({ period, annualise: "none" }));
    expect(got.map((r) => r.class)).toEqual(["other", "other", "other"]);
    expect(got[0]).toMatchObject({ factor: 1, industry: "equipment", town_code: "T1" });
  });
});
