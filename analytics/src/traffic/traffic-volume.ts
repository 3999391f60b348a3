import { traffic } from "@citybrain/datasets";
import type { TrafficClass } from "@citybrain/datasets";
import { localDayOf, localHourOf } from "../kpi-common/local-time.ts";
import type { Period } from "../kpi-common/period.ts";
import { timestampInPeriodSql } from "../kpi-common/shanghai-sql.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import type { SqlParam } from "../store/store.ts";
import type { TrafficDimension, TrafficGrain, TrafficRow } from "./traffic-common.ts";
import { checkTrafficClasses, checkTrafficDimensions, grainSql } from "./traffic-common.ts";

/** Options of {@link trafficVolumesSql} and {@link trafficVolumes}. */
export interface TrafficVolumeOptions {
  /** Group by these columns, e.g. `["class", "direction"]`. */
  readonly by?: readonly TrafficDimension[];
  /** Time bucket; default `period` (no time column). */
  readonly grain?: TrafficGrain;
  /** Only these classes (all when absent). */
  readonly classes?: readonly TrafficClass[];
}

/** A volume row: the `by` columns, day/hour per the grain, and `volume` (crossings). */
export type TrafficVolumeRow = Record<string, string | number | null>;

/**
 * Crossings summed by the `by` columns and time grain. Columns: `by…`, then `day`/`hour` per
 * the grain, then `volume`; ordered by all of them.
 */
export function trafficVolumesSql(options: TrafficVolumeOptions & { readonly period: Period }): SqlQuery {
  const by = checkTrafficDimensions(options.by ?? []);
  const g = grainSql(options.grain ?? "period");
  const range = timestampInPeriodSql("ts", options.period);
  const params: SqlParam[] = [...range.params];
  let where = range.sql;
  if (options.classes !== undefined) {
    const classes = checkTrafficClasses(options.classes);
    where += ` AND class IN (${classes.map(() => "?").join(", ")})`;
    params.push(...classes);
  }
  const cols = [...by, ...g.columns];
  const select = [...by, ...(g.select ? [g.select] : []), "sum(count) AS volume"].join(", ");
  const tail = cols.length > 0 ? ` GROUP BY ${cols.join(", ")} ORDER BY ${cols.join(", ")}` : "";
  return { sql: `SELECT ${select} FROM ${traffic.name} WHERE ${where}${tail}`, params };
}

/** The TS twin of {@link trafficVolumesSql} over rows already in the period. */
export function trafficVolumes(
  rows: readonly TrafficRow[],
  options: TrafficVolumeOptions = {},
): TrafficVolumeRow[] {
  const by = checkTrafficDimensions(options.by ?? []);
  const grain = options.grain ?? "period";
  const groups = new Map<string, { key: TrafficVolumeRow; volume: number }>();
  for (const r of rows) {
    if (options.classes !== undefined && !options.classes.includes(r.class)) continue;
    const key: Record<string, string | number | null> = {};
    for (const d of by) key[d] = r[d] ?? null;
    if (grain !== "period") key.day = localDayOf(r.ts);
    if (grain === "hour") key.hour = localHourOf(r.ts);
    const id = JSON.stringify(Object.values(key));
    const g = groups.get(id) ?? { key, volume: 0 };
    g.volume += r.count;
    groups.set(id, g);
  }
  const cmp = (a: unknown, b: unknown) =>
    a === b ? 0 : a == null ? 1 : b == null ? -1 : (a as number) < (b as number) ? -1 : 1;
  return [...groups.values()]
    .map((g): TrafficVolumeRow => ({ ...g.key, volume: g.volume }))
    .sort((a, b) => {
      for (const k of Object.keys(a)) {
        const c = cmp(a[k], b[k]);
        if (k !== "volume" && c !== 0) return c;
      }
      return 0;
    });
}
