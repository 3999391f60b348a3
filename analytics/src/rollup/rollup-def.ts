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
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * HOUR_MS;

/** The bucket column's name and its SQL expression over the base time column. */
export function bucketOf(def: RollupDef): { name: string; sql: string } {
  const t = `"${def.timeColumn}"`;
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
