import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuckDBStore } from "../store/duckdb-store.ts";
import { detectDataGaps } from "./data-gaps.ts";
import { detectStuckSensors } from "./stuck-sensors.ts";
import { detectTankFilling } from "./tank-filling.ts";

const T0 = Date.UTC(2026, 2, 1, 0, 0);
const STEP = 5 * 60_000;
const FIELDS = ["ch4_lel", "h2s_ppm", "level_pct", "temperature_c"];

/** A monitor's readings: level from `level(i)`, gases wobbling so that no two rows repeat. */
function monitor(
  id: string,
  n: number,
  level: (i: number) => number,
  skip: (i: number) => boolean = () => false,
) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    if (skip(i)) continue;
    rows.push({
      ts: T0 + i * STEP,
      monitor_id: id,
      town_code: "500152001",
      ch4_lel: 5 + (i % 7) / 10,
      h2s_ppm: 1 + (i % 3) / 10,
      level_pct: level(i),
      temperature_c: 18 + (i % 5) / 10,
    });
  }
  return rows;
}

describe("septic detectors on hand-made series", () => {
  let store: DuckDBStore;
  beforeEach(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
  });
  afterEach(async () => {
    await store.close();
  });

  it("finds more than k missing readings in a row, including silence at the end", async () => {
    const a = monitor(
      "SEP-001",
      100,
      () => 40,
      (i) => (i >= 20 && i < 23) || (i >= 50 && i < 54),
    );
    const b = monitor("SEP-002", 90, () => 40);
    await store.ingest("septic", [...a, ...b], { batchId: "gaps" });
    const gaps = await detectDataGaps(store, { stream: "septic", maxSilentSteps: 3 });
    expect(
      gaps.map((g) => [g.site_id, (g.start - T0) / STEP, (g.end - T0) / STEP, g.details.missing_intervals]),
    ).toEqual([
      ["SEP-001", 50, 54, 4], // 3 missing readings (20–22) are within k = 3
      ["SEP-002", 90, 100, 10], // silent from 90 to the data's end
    ]);
  });

  it("finds a device repeating one reading, not a single field that happens to hold", async () => {
    const rows = monitor("SEP-003", 80, () => 40).map((r, i) =>
      i >= 30 && i < 45 ? { ...r, ch4_lel: 9.9, h2s_ppm: 2.2, level_pct: 41.5, temperature_c: 17.3 } : r,
    );
    await store.ingest("septic", rows, { batchId: "stuck" });
    const stuck = await detectStuckSensors(store, { stream: "septic", fields: FIELDS, minRun: 12 });
    expect(stuck).toEqual([
      {
        kind: "stuck_sensor",
        stream: "septic",
        site_id: "SEP-003",
        start: T0 + 31 * STEP,
        end: T0 + 45 * STEP,
        score: 15 / 12,
        details: { readings: 15, ch4_lel: 9.9, h2s_ppm: 2.2, level_pct: 41.5, temperature_c: 17.3 },
      },
    ]);
    // level_pct alone is constant around the stuck stretch too: as the only field, every stretch is a run.
    const levelOnly = await detectStuckSensors(store, {
      stream: "septic",
      fields: ["level_pct"],
      minRun: 12,
    });
    expect(levelOnly.map((d) => d.details.readings)).toEqual([30, 15, 35]);
  });

  it("finds a tank that climbs past the pump-out level without a pumping drop, from the climb's onset", async () => {
    // SEP-004: a normal sawtooth (pumped at 86 %). SEP-005: a slow rise, then from step 48 (4 h)
    // a steep climb to 96 % that nobody pumps until step 150. SEP-006: a steady rise from the start.
    const saw = (i: number) => 50 + ((i * 0.5) % 36);
    const fill = (i: number) =>
      i >= 150 ? 30 : Math.min(96, i < 48 ? 50 + 0.02 * i : 50.96 + 0.5 * (i - 48));
    const steady = (i: number) => (i < 150 ? Math.min(96, 50 + i * 0.4) : 30);
    await store.ingest(
      "septic",
      [...monitor("SEP-004", 200, saw), ...monitor("SEP-005", 200, fill), ...monitor("SEP-006", 200, steady)],
      { batchId: "fill" },
    );
    const found = await detectTankFilling(store, { enterLevel: 90, exitLevel: 80 });
    const brief = found.map((d) => [
      d.site_id,
      (d.start - T0) / STEP,
      (d.end - T0) / STEP,
      d.score,
      d.details.crossed_at,
    ]);
    expect(brief).toEqual([
      ["SEP-005", 48, 150, 96, T0 + 127 * STEP],
      // No knee in a straight climb: the episode starts where the level passed 80 %.
      ["SEP-006", 75, 150, 96, T0 + 100 * STEP],
    ]);
  });
});
