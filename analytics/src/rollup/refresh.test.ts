import { describe, expect, it } from "vitest";
import { DuckDBStore } from "../store/duckdb-store.ts";
import { tceSql } from "../energy/coefficients.ts";
import { DEFAULT_ROLLUPS, energyDay, energyHour } from "./rollups.ts";
import { bucketWindow, type RollupDef } from "./rollup-def.ts";

const tceExpr = tceSql("carrier", "value");

/** mulberry32: small seeded PRNG so every trial is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.UTC(2026, 2, 1, 12); // 20:00 in Shanghai: days straddle UTC midnight
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** A batch covers a random window: narrow (a few hours, like a live feed) or wide (a backfill). */
interface Window {
  readonly start: number;
  readonly slots: number;
}

function randomWindow(r: () => number, slotMs: number): Window {
  const span = Math.floor((75 * 3_600_000) / slotMs);
  const slots = r() < 0.7 ? 1 + Math.floor(r() * ((6 * 3_600_000) / slotMs)) : span;
  return { start: Math.floor(r() * Math.max(1, span - slots)), slots };
}

const at = (w: Window, r: () => number, slotMs: number) =>
  new Date(T0 + (w.start + Math.floor(r() * w.slots)) * slotMs).toISOString();

function energyRow(r: () => number, w: Window) {
  const meter = Math.floor(r() * 4);
  return {
    ts: at(w, r, 900_000),
    meter_id: `M${meter}`,
    enterprise_id: `E${meter % 2}`,
    industry: "equipment",
    town_code: `T${meter % 3}`,
    carrier: pick(r, ["electricity", "water", "gas", "oil"] as const),
    value: Math.round(r() * 1000) / 10,
  };
}

function septicRow(r: () => number, w: Window) {
  return {
    ts: at(w, r, 300_000),
    monitor_id: `S${Math.floor(r() * 3)}`,
    town_code: "T0",
    ch4_lel: Math.round(r() * 600) / 10,
    h2s_ppm: Math.round(r() * 300) / 10,
    level_pct: Math.round(r() * 1000) / 10,
    temperature_c: 15 + Math.round(r() * 100) / 10,
  };
}

async function snapshot(store: DuckDBStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const def of DEFAULT_ROLLUPS) {
    const measures = def.measures.map(([m]) => `"${m}"`).join(", ");
    const keys = ["hour", "day"].filter((b) => (b === "hour") === (def.grain === "hour"));
    const dims = [...keys, ...def.dimensions.map(([d]) => d)].map((d) => `"${d}"`).join(", ");
    out[def.name] = await store.query(`SELECT ${dims}, ${measures} FROM "${def.name}" ORDER BY ALL`);
  }
  return out;
}

/**
 * Equal rollup snapshots: the same buckets and keys, measures equal to 1e-9 relative. Sums of
 * floats differ in their last bits with the order they are added in (a day summed from hour
 * sums, a bucket refreshed from rows in another order), so rounding both sides can still fall
 * either side of a digit.
 */
function expectSameSnapshots(actual: Record<string, unknown[]>, expected: Record<string, unknown[]>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [table, rows] of Object.entries(expected)) {
    const got = actual[table] ?? [];
    expect(got.length, table).toBe(rows.length);
    rows.forEach((row, i) => {
      for (const [k, v] of Object.entries(row as Record<string, unknown>)) {
        const a = (got[i] as Record<string, unknown>)[k];
        if (typeof v === "number" && typeof a === "number")
          expect(Math.abs(a - v), `${table} row ${i} ${k}: ${a} vs ${v}`).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(v)),
          );
        else expect(a, `${table} row ${i} ${k}`).toEqual(v);
      }
    });
  }
}

describe("incremental rollups", () => {
  it("bucket windows cover whole hours and whole Shanghai days", () => {
    const [hour, day] = [DEFAULT_ROLLUPS[0], DEFAULT_ROLLUPS[1]];
    if (!hour || !day) throw new Error("rollups missing");
    expect(bucketWindow(hour, Date.UTC(2026, 0, 1, 3, 20), Date.UTC(2026, 0, 1, 3, 59))).toEqual({
      from: Date.UTC(2026, 0, 1, 3),
      to: Date.UTC(2026, 0, 1, 4),
    });
    // 2026-01-01 17:00 UTC is 01:00 on 2 January in Shanghai: that day runs 16:00–16:00 UTC.
    expect(bucketWindow(day, Date.UTC(2026, 0, 1, 17), Date.UTC(2026, 0, 1, 17))).toEqual({
      from: Date.UTC(2026, 0, 1, 16),
      to: Date.UTC(2026, 0, 2, 16),
    });
  });

  it.each([1, 2, 3, 4, 5])(
    "equal a full rebuild after random late, repeated batches (seed %i)",
    async (seed) => {
      const r = rng(seed);
      const store = await DuckDBStore.open({ path: ":memory:" });
      try {
        for (let b = 0; b < 25; b++) {
          const n = 1 + Math.floor(r() * 40);
          // Within a batch, keep the last row per key (a batch may not contain the same key twice).
          const energy = new Map<string, ReturnType<typeof energyRow>>();
          const septic = new Map<string, ReturnType<typeof septicRow>>();
          const ew = randomWindow(r, 900_000);
          const sw = randomWindow(r, 300_000);
          for (let i = 0; i < n; i++) {
            const e = energyRow(r, ew);
            energy.set(`${e.meter_id}|${e.ts}`, e);
            const s = septicRow(r, sw);
            septic.set(`${s.monitor_id}|${s.ts}`, s);
          }
          await store.ingest("energy", [...energy.values()], { batchId: `e${b}` });
          await store.ingest("septic", [...septic.values()], { batchId: `s${b}` });
        }
        const incremental = await snapshot(store);
        expect(incremental.rollup_energy_hour?.length).toBeGreaterThan(10);
        expect(incremental.rollup_septic_hour?.length).toBeGreaterThan(10);
        await store.rebuildRollups();
        expectSameSnapshots(incremental, await snapshot(store));
      } finally {
        await store.close();
      }
    },
  );

  it("the day rollup, read from the hour rollup, equals the base rows by Shanghai day, bucket for bucket", async () => {
    const store = await DuckDBStore.open({ path: ":memory:" });
    try {
      const r = rng(9);
      for (let b = 0; b < 6; b++) {
        const rows = new Map<string, ReturnType<typeof energyRow>>();
        const w = randomWindow(r, 900_000);
        for (let i = 0; i < 80; i++) {
          const e = energyRow(r, w);
          rows.set(`${e.meter_id}|${e.ts}`, e);
        }
        await store.ingest("energy", [...rows.values()], { batchId: `d${b}` });
      }
      const cols = "day, enterprise_id, industry, town_code, carrier";
      const direct = await store.query(
        `SELECT CAST(ts + INTERVAL 8 HOUR AS DATE)::VARCHAR AS day, enterprise_id, industry, town_code, carrier,
           round(sum(value), 6) AS value, round(sum(tce), 6) AS tce, count(*)::INTEGER AS readings
         FROM (SELECT *, ${tceExpr} AS tce FROM energy) GROUP BY ALL ORDER BY ${cols}`,
      );
      const rolled = await store.query(
        `SELECT day::VARCHAR AS day, enterprise_id, industry, town_code, carrier, round(value, 6) AS value,
           round(tce, 6) AS tce, readings::INTEGER AS readings FROM rollup_energy_day ORDER BY ${cols}`,
      );
      expect(direct.length).toBeGreaterThan(4); // several Shanghai days, straddling UTC midnight
      expect(rolled).toEqual(direct);
      expect(
        (await store.query("DESCRIBE rollup_energy_day")).find((c) => c.column_name === "readings")
          ?.column_type,
      ).toBe("BIGINT");
    } finally {
      await store.close();
    }
  });

  it("refuses a derived rollup listed before the rollup it reads, or reading a coarser one", async () => {
    await expect(DuckDBStore.open({ path: ":memory:", rollups: [energyDay, energyHour] })).rejects.toThrow(
      'rollup "rollup_energy_day": reads "rollup_energy_hour", which must be listed before it',
    );
    const coarse: RollupDef = { ...energyDay, name: "rollup_energy_week", from: energyDay };
    await expect(
      DuckDBStore.open({ path: ":memory:", rollups: [energyHour, energyDay, coarse] }),
    ).rejects.toThrow('rollup "rollup_energy_week": reads "rollup_energy_day", whose day grain is not finer');
  });
});
