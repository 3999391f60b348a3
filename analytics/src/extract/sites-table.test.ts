import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore } from "../store/duckdb-store.ts";
import { DEFAULT_EXTRACTS, extractViewSql } from "./extract-defs.ts";
import { rowsOf, site } from "./extract-fixtures.test-support.ts";
import { loadSites } from "./sites-table.ts";
import { sitesExtract } from "./sites-extract.ts";

const sites = {
  enterprises: [{ ...site("ENT-0001", "500152001", 105.81, 30.11), industry: "lemon" }],
  cameras: [{ ...site("CAM-00001", "500152002", 105.82, 30.12), kind: "road", road_id: "RD-1" }],
  septicTanks: [site("SEP-001", "500152003", 105.83, 30.13)],
  ecoStations: [{ ...site("AIR-01", "500152004", 105.84, 30.14), kind: "urban" }],
};

describe("sites", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:", threads: 1 });
  });
  afterAll(() => store.close());

  it("creates the table on first use, so every default extract's view binds on a fresh store", async () => {
    for (const def of DEFAULT_EXTRACTS) await store.exec(extractViewSql(def));
    expect(await store.query('SELECT count(*) AS n FROM "septic_status"')).toEqual([{ n: 0 }]);
  });

  it("loads every kind of site and the site_locations extract lists them", async () => {
    expect(await loadSites(store, sites)).toBe(4);
    expect(await rowsOf(store, sitesExtract)).toEqual([
      {
        id: "AIR-01",
        kind: "air_station",
        name: "AIR-01 名称",
        town_code: "500152004",
        lon: 105.84,
        lat: 30.14,
        category: "urban",
        road_id: null,
      },
      expect.objectContaining({ id: "CAM-00001", kind: "camera", category: "road", road_id: "RD-1" }),
      expect.objectContaining({ id: "ENT-0001", kind: "enterprise", category: "lemon", lon: 105.81 }),
      expect.objectContaining({ id: "SEP-001", kind: "septic", category: null }),
    ]);
  });

  it("replaces the rows: changed sites update, missing ones go", async () => {
    await loadSites(store, { septicTanks: [{ ...site("SEP-001", "500152003"), name: "新名称" }] });
    expect(await store.query("SELECT id, name FROM sites")).toEqual([{ id: "SEP-001", name: "新名称" }]);
  });

  it("refuses a repeated id and leaves the table as it was", async () => {
    const twice = { septicTanks: [site("SEP-009", "T"), site("SEP-009", "T")] };
    await expect(loadSites(store, twice)).rejects.toThrow('loadSites: site 2 repeats id "SEP-009"');
    expect(await store.query("SELECT id FROM sites")).toEqual([{ id: "SEP-001" }]);
  });
});
