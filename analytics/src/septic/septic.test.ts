import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { latestSepticStates } from "./latest-septic.ts";
import { septicState, septicStateCountsSql, septicStatusSql } from "./septic-state.ts";
import { DEFAULT_SEPTIC_THRESHOLDS } from "./septic-thresholds.ts";

const calm = { ch4_lel: 3, h2s_ppm: 1, level_pct: 40 };

describe("septicState", () => {
  it("triggers at the thresholds, not below", () => {
    expect(septicState(calm).state).toBe("normal");
    expect(septicState({ ...calm, ch4_lel: 24.9 }).state).toBe("normal");
    expect(septicState({ ...calm, ch4_lel: 25 })).toMatchObject({ state: "warn", triggeredBy: ["ch4_lel"] });
    expect(septicState({ ...calm, ch4_lel: 50 })).toMatchObject({ state: "alarm", triggeredBy: ["ch4_lel"] });
    expect(septicState({ ...calm, h2s_ppm: 10 }).state).toBe("warn");
    expect(septicState({ ...calm, h2s_ppm: 20 }).state).toBe("alarm");
    expect(septicState({ ...calm, level_pct: 85 }).state).toBe("warn");
    expect(septicState({ ...calm, level_pct: 90 }).state).toBe("alarm");
  });

  it("reports the alarm measures and, separately, the ones only warning", () => {
    const r = septicState({ ch4_lel: 30, h2s_ppm: 25, level_pct: 91 });
    expect(r).toEqual({
      state: "alarm",
      alarmMeasures: ["h2s_ppm", "level_pct"],
      warnMeasures: ["ch4_lel"],
      triggeredBy: ["h2s_ppm", "level_pct"],
    });
  });

  it("ignores missing measures and checks thresholds", () => {
    expect(septicState({ ch4_lel: null, h2s_ppm: null, level_pct: 95 }).triggeredBy).toEqual(["level_pct"]);
    expect(() =>
      septicState(calm, { ...DEFAULT_SEPTIC_THRESHOLDS, h2s_ppm: { warn: 20, alarm: 10 } }),
    ).toThrow(/septic thresholds for h2s_ppm: expected finite warn < alarm/);
  });
});

describe("septicStatusSql", () => {
  const at = (local: string) => new Date(`${local}:00+08:00`).toISOString();
  const r = (monitor: string, town: string, local: string, v: Partial<typeof calm>) => ({
    ts: at(local),
    monitor_id: monitor,
    town_code: town,
    temperature_c: 20,
    ...calm,
    ...v,
  });
  // SEP-1: alarm earlier, normal at 10:00 (latest) → normal. SEP-2: latest 10:00 ch4 30 + level 91
  // → alarm by level, ch4 warns; a later 10:30 reading lies after asOf. SEP-3: latest 09:00 h2s 12
  // → warn, 60 min old → stale. SEP-4: only after asOf → absent.
  const rows = [
    r("SEP-1", "T1", "2026-03-01T09:55", { ch4_lel: 60 }),
    r("SEP-1", "T1", "2026-03-01T10:00", {}),
    r("SEP-2", "T1", "2026-03-01T10:00", { ch4_lel: 30, level_pct: 91 }),
    r("SEP-2", "T1", "2026-03-01T10:30", {}),
    r("SEP-3", "T2", "2026-03-01T09:00", { h2s_ppm: 12 }),
    r("SEP-4", "T2", "2026-03-01T10:05", { level_pct: 99 }),
  ];
  const asOf = at("2026-03-01T10:00");
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await storeWith("septic", rows);
  });
  afterAll(async () => {
    await store.close();
  });

  it("assesses each monitor's latest reading at or before asOf, as the TS version does", async () => {
    const got = await run(store, septicStatusSql({ asOf }));
    expect(
      got.map((x) => [
        x.monitor_id,
        x.state,
        x.triggered_by,
        x.alarm_measures,
        x.warn_measures,
        x.age_minutes,
        x.stale,
      ]),
    ).toEqual([
      ["SEP-1", "normal", null, null, null, 0, false],
      ["SEP-2", "alarm", "level_pct", "level_pct", "ch4_lel", 0, false],
      ["SEP-3", "warn", "h2s_ppm", null, "h2s_ppm", 60, true],
    ]);
    const ts = latestSepticStates(rows, { asOf });
    expect(
      ts.map((x) => [x.monitor_id, x.state, x.triggeredBy.join(",") || null, x.ageMinutes, x.stale]),
    ).toEqual(got.map((x) => [x.monitor_id, x.state, x.triggered_by, x.age_minutes, x.stale]));
  });

  it("counts monitors per town by state, with custom thresholds", async () => {
    expect(await run(store, septicStateCountsSql({ asOf }))).toEqual([
      { town_code: "T1", monitors: 2, normal: 1, warn: 0, alarm: 1, stale: 0 },
      { town_code: "T2", monitors: 1, normal: 0, warn: 1, alarm: 0, stale: 1 },
    ]);
    const strict = { ...DEFAULT_SEPTIC_THRESHOLDS, h2s_ppm: { warn: 5, alarm: 12 } };
    const got = await run(store, septicStatusSql({ asOf, thresholds: strict, staleAfterMinutes: 90 }));
    expect(got.find((x) => x.monitor_id === "SEP-3")).toMatchObject({ state: "alarm", stale: false });
  });
});
