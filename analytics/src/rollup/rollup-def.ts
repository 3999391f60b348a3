import type { StreamName } from "@citybrain/datasets";

/** Bucket grains: hours are the same in UTC and Asia/Shanghai; days are Shanghai calendar days. */
export type RollupGrain = "hour" | "day";

/**
 * A rollup: a table of pre-aggregated rows of one stream, kept up to date incrementally for the
 * time range each write touches.
 */
export interface RollupDef {
  /** Table name, e.g. `rollup_energy_hour`. */
  readonly name: string;
  readonly stream: StreamName;
  /** The base table's timestamp column that places rows in buckets. */
  readonly timeColumn: string;
  readonly grain: RollupGrain;
  /** Group-by columns besides the bucket: `[name, SQL expression over the base row]`. */
  readonly dimensions: readonly (readonly [string, string])[];
  /** Aggregates: `[name, SQL aggregate expression]`. */
  readonly measures: readonly (readonly [string, string])[];
  /**
   * Read a finer rollup of the same stream instead of the base rows (a day rollup from the hour
   * rollup reads a quarter or less of the rows): `measures` then re-aggregate that rollup's
   * columns, e.g. `["value", "sum(value)"]`, `["readings", "sum(readings)::BIGINT"]`. Exact for
   * sums, counts, min and max; not for means or distinct counts. The finer rollup must come
   * first in the store's list (each write refreshes rollups in list order), its grain must divide
   * this one's, and `dimensions` must be columns it has.
   */
  readonly from?: RollupDef;
}

/** The table a rollup reads and the column that places its rows in buckets. */
export function sourceOf(def: RollupDef): { table: string; timeColumn: string } {
  return def.from
    ? { table: def.from.name, timeColumn: bucketOf(def.from).name }
    : { table: def.stream, timeColumn: def.timeColumn };
}

/**
 * Checks that every derived rollup reads a finer rollup of its stream listed before it.
 * @throws Error naming the rollup and what is wrong.
 */
export function checkRollupOrder(defs: readonly RollupDef[]): void {
  defs.forEach((def, i) => {
    const from = def.from;
    if (!from) return;
    const at = defs.findIndex((d) => d.name === from.name);
    if (at < 0 || at >= i)
      throw new Error(`rollup "${def.name}": reads "${from.name}", which must be listed before it`);
    if (from.stream !== def.stream)
      throw new Error(`rollup "${def.name}": reads "${from.name}" of another stream (${from.stream})`);
    if (from.grain !== "hour")
      throw new Error(`rollup "${def.name}": reads "${from.name}", whose ${from.grain} grain is not finer`);
  });
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * HOUR_MS;

/** The bucket column's name and its SQL expression over the base time column. */
export function bucketOf(def: RollupDef): { name: string; sql: string } {
  const t = `"${sourceOf(def).timeColumn}"`;
  return def.grain === "hour"
    ? { name: "hour", sql: `date_trunc('hour', ${t})` }
    : { name: "day", sql: `CAST(${t} + INTERVAL 8 HOUR AS DATE)` };
}

/**
 * The base-time window [from, to) in epoch ms covering every bucket that rows in [lo, hi]
 * fall into: refreshing exactly these buckets from exactly these base rows is complete.
 */
export function bucketWindow(def: RollupDef, lo: number, hi: number): { from: number; to: number } {
  if (def.grain === "hour") {
    return { from: Math.floor(lo / HOUR_MS) * HOUR_MS, to: (Math.floor(hi / HOUR_MS) + 1) * HOUR_MS };
  }
  const dayLo = Math.floor((lo + SHANGHAI_MS) / DAY_MS);
  const dayHi = Math.floor((hi + SHANGHAI_MS) / DAY_MS);
  return { from: dayLo * DAY_MS - SHANGHAI_MS, to: (dayHi + 1) * DAY_MS - SHANGHAI_MS };
}
