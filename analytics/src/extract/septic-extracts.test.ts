import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { septicStatusSql } from "../septic/septic-state.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { fixtureStore, local, localMs, rowsOf, site } from "./extract-fixtures.test-support.ts";
import { septicHourly, septicStatus } from "./septic-extracts.ts";

const calm = { ch4_lel: 3, h2s_ppm: 1, level_pct: 40 };
const r = (monitor: string, town: string, t: string, v: Partial<typeof calm>, temperature = 20) => ({
  ts: local(t),
  monitor_id: monitor,
  town_code: town,
  temperature_c: temperature,
  ...calm,
  ...v,
});

// The newest reading is SEP-4's at 03-01 10:05: the status is as of then. SEP-1 alarmed at 09:55
// but is normal at 10:00; SEP-2 alarms by level with CH4 warning; SEP-3's latest (09:00) warns
// by H2S and is 65 minutes old (stale); its older readings lie outside its newest hour.
const rows = [
  r("SEP-1", "T1", "2026-03-01T09:55", { ch4_lel: 60 }),
  r("SEP-1", "T1", "2026-03-01T10:00", {}, 22),
  r("SEP-2", "T1", "2026-03-01T10:00", { ch4_lel: 30, level_pct: 91 }),
  r("SEP-3", "T2", "2026-02-22T23:00", { level_pct: 95 }),
  r("SEP-3", "T2", "2026-02-23T00:00", { level_pct: 86 }),
  r("SEP-3", "T2", "2026-03-01T09:00", { h2s_ppm: 12 }),
  r("SEP-4", "T2", "2026-03-01T10:05", { level_pct: 99 }),
];

describe("septic extracts", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await fixtureStore({ septic: rows }, { septicTanks: [site("SEP-2", "T1", 105.86, 30.21)] });
  });
  afterAll(() => store.close());

  it("septic_status: each monitor's latest state as of the newest reading", async () => {
    const out = await rowsOf(store, septicStatus);
    expect(out.map((x) => [x.monitor_id, x.state, x.alarm, x.triggered_by, x.age_minutes, x.stale])).toEqual([
      ["SEP-1", "normal", false, null, 5, false],
      ["SEP-2", "alarm", true, "level_pct", 5, false],
      ["SEP-3", "warn", false, "h2s_ppm", 65, true],
      ["SEP-4", "alarm", true, "level_pct", 0, false],
    ]);
    expect(out[1]).toMatchObject({
      name: "SEP-2 名称",
      lon: 105.86,
      lat: 30.21,
      ts: localMs("2026-03-01T10:00"),
      warn_measures: "ch4_lel",
    });
  });

  it("septic_status equals septicStatusSql over the whole table at the same instant", async () => {
    const q = septicStatusSql({ asOf: localMs("2026-03-01T10:05") });
    const kpi = await store.query(q.sql, q.params);
    const cols = ["monitor_id", "town_code", "ts", "state", "triggered_by", "age_minutes", "stale"];
    const pick = (x: Record<string, unknown>) => cols.map((c) => x[c]);
    expect((await rowsOf(store, septicStatus)).map(pick)).toEqual(kpi.map(pick));
  });

  it("septic_hourly: the last 7 days of hours with the hour's worst state", async () => {
    const out = await rowsOf(store, septicHourly);
    // Newest hour 03-01 10:00 → days 02-23 … 03-01; SEP-3's 02-22 23:00 reading is left out.
    expect(out.map((x) => [x.ts, x.monitor_id, x.state, x.readings])).toEqual([
      [localMs("2026-02-23T00:00"), "SEP-3", "warn", 1],
      [localMs("2026-03-01T09:00"), "SEP-1", "alarm", 1],
      [localMs("2026-03-01T09:00"), "SEP-3", "warn", 1],
      [localMs("2026-03-01T10:00"), "SEP-1", "normal", 1],
      [localMs("2026-03-01T10:00"), "SEP-2", "alarm", 1],
      [localMs("2026-03-01T10:00"), "SEP-4", "alarm", 1],
    ]);
    expect(out[3]).toMatchObject({ ch4_mean: 3, ch4_max: 3, level_max: 40, temperature_mean: 22 });
  });
});
