import type { SqlParam } from "../store/store.ts";
import type { Period } from "./period.ts";
import { addDays, addMonths, checkPeriod, periodDays } from "./period.ts";
import type { SqlQuery } from "./sql-query.ts";
import { safeRatio } from "./stats.ts";

/**
 * `yoy` 同比: the same dates a year earlier (去年同期). `mom` 环比: the same dates a month
 * earlier. `previous`: the equally long span just before the period.
 */
export type ComparisonKind = "yoy" | "mom" | "previous";

/**
 * The base period a period is compared with. Month shifts clamp to the month's end, so
 * 2024-02-29 a year back is 2023-02-28.
 * @example comparisonPeriod({ start: "2026-03-01", end: "2026-04-01" }, "mom") // 2026-02-01 … 2026-03-01
 */
export function comparisonPeriod(period: Period, kind: ComparisonKind): Period {
  checkPeriod(period);
  if (kind === "yoy") return { start: addMonths(period.start, -12), end: addMonths(period.end, -12) };
  if (kind === "mom") return { start: addMonths(period.start, -1), end: addMonths(period.end, -1) };
  if (kind === "previous") return { start: addDays(period.start, -periodDays(period)), end: period.start };
  throw new Error(`comparison: expected yoy, mom or previous, got ${JSON.stringify(kind)}`);
}

/** (current − base) / base; null when either is missing or the base is 0 (never Infinity). */
export function changeRate(
  current: number | null | undefined,
  base: number | null | undefined,
): number | null {
  if (current == null || base == null) return null;
  return safeRatio(current - base, base);
}

/** Options of {@link comparePeriodsSql}. */
export interface ComparePeriodsOptions {
  readonly period: Period;
  readonly kind: ComparisonKind;
  /** Key columns the aggregate returns (our own constants only). */
  readonly keys: readonly string[];
  /** Builds the aggregate of one period: columns `keys…` and `value`, one row per key. */
  readonly aggregate: (period: Period) => SqlQuery;
}

/**
 * Joins an aggregate over a period with the same aggregate over its comparison period. A key
 * present in only one period keeps its row, the other side NULL. Columns: the keys, current,
 * base, change (current − base), change_rate ((current − base) / base, NULL when the base is
 * missing or 0), base_start, base_end.
 */
export function comparePeriodsSql(options: ComparePeriodsOptions): SqlQuery {
  const base = comparisonPeriod(options.period, options.kind);
  const cur = options.aggregate(options.period);
  const old = options.aggregate(base);
  const { keys } = options;
  const on = keys.length > 0 ? keys.map((k) => `c.${k} IS NOT DISTINCT FROM b.${k}`).join(" AND ") : "TRUE";
  const select = keys.map((k) => `coalesce(c.${k}, b.${k}) AS ${k}, `).join("");
  const sql = `WITH c AS (${cur.sql}), b AS (${old.sql})
SELECT ${select}c.value AS current, b.value AS base, c.value - b.value AS change,
  (c.value - b.value) / NULLIF(b.value, 0) AS change_rate,
  CAST(? AS DATE) AS base_start, CAST(? AS DATE) AS base_end
FROM c FULL OUTER JOIN b ON ${on}${keys.length > 0 ? `\nORDER BY ${keys.map((_, i) => i + 1).join(", ")}` : ""}`;
  const params: SqlParam[] = [...cur.params, ...old.params, base.start, base.end];
  return { sql, params };
}
