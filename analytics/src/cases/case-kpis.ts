import { cases } from "@citybrain/datasets";
import type { TimeInput } from "../kpi-common/local-time.ts";
import { toEpochMs } from "../kpi-common/local-time.ts";
import type { Period } from "../kpi-common/period.ts";
import { checkPeriod, shanghaiMidnightMs } from "../kpi-common/period.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import { median, safeRatio } from "../kpi-common/stats.ts";

/** Case columns the KPIs may group by. */
export const CASE_DIMENSIONS = ["town_code", "app", "category"] as const;
export type CaseDimension = (typeof CASE_DIMENSIONS)[number];

/** One `cases` row (its latest state), as the TS function takes it. */
export interface CaseRow {
  readonly case_id: string;
  readonly app?: string;
  readonly category?: string;
  readonly town_code: string;
  readonly opened_at: TimeInput;
  readonly closed_at: TimeInput | null;
  readonly status: "open" | "assigned" | "processing" | "closed" | "rejected";
}

/** The case KPIs of a period (per group when grouped). */
export interface CaseKpis {
  /** Cases opened in the period (rejected ones left out). */
  readonly opened: number;
  /** Of those, closed before the period ended. */
  readonly closed: number;
  /** closed / opened (办结率); null when none opened. */
  readonly closureRate: number | null;
  /** Cases closed in the period, whenever opened. */
  readonly closedInPeriod: number;
  /** Median hours from opening to closing of the cases closed in the period; null if none. */
  readonly medianHoursToClose: number | null;
  /** Cases opened before the period's end and not closed by then (积压). */
  readonly backlog: number;
}

/** Case KPIs of rows (the TS twin of {@link caseKpisSql}, ungrouped). */
export function caseKpis(rows: readonly CaseRow[], period: Period): CaseKpis {
  checkPeriod(period);
  const t0 = shanghaiMidnightMs(period.start);
  const t1 = shanghaiMidnightMs(period.end);
  let opened = 0;
  let closed = 0;
  let backlog = 0;
  const hours: number[] = [];
  for (const c of rows) {
    if (c.status === "rejected") continue;
    const o = toEpochMs(c.opened_at);
    const k = c.closed_at == null ? null : toEpochMs(c.closed_at);
    if (o >= t1) continue;
    if (o >= t0) {
      opened++;
      if (k != null && k < t1) closed++;
    }
    if (k != null && k >= t0 && k < t1) hours.push((k - o) / 3_600_000);
    if (k == null || k >= t1) backlog++;
  }
  return {
    opened,
    closed,
    closureRate: safeRatio(closed, opened),
    closedInPeriod: hours.length,
    medianHoursToClose: median(hours),
    backlog,
  };
}

/**
 * Case KPIs over a period, per `by` group. Columns: the `by` column, opened, closed,
 * closure_rate, closed_in_period, median_hours_to_close, backlog (definitions at
 * {@link CaseKpis}). A group with backlog but nothing opened has closure_rate NULL.
 */
export function caseKpisSql(options: { readonly period: Period; readonly by?: CaseDimension }): SqlQuery {
  checkPeriod(options.period);
  const by = options.by;
  if (by !== undefined && !(CASE_DIMENSIONS as readonly string[]).includes(by)) {
    throw new Error(`case dimension "${String(by)}": expected one of ${CASE_DIMENSIONS.join(", ")}`);
  }
  const key = by === undefined ? "" : `${by}, `;
  const sql = `WITH bounds AS (
  SELECT CAST(? AS DATE) - INTERVAL 8 HOUR AS t0, CAST(? AS DATE) - INTERVAL 8 HOUR AS t1
), c AS (
  SELECT ${key}opened_at, closed_at,
    opened_at >= t0 AS opened_in, closed_at IS NOT NULL AND closed_at < t1 AS closed_by_end,
    closed_at >= t0 AND closed_at < t1 AS closed_in
  FROM ${cases.name}, bounds
  WHERE opened_at < t1 AND status <> 'rejected'
)
SELECT ${key}count(*) FILTER (WHERE opened_in) AS opened,
  count(*) FILTER (WHERE opened_in AND closed_by_end) AS closed,
  CAST(count(*) FILTER (WHERE opened_in AND closed_by_end) AS DOUBLE) / NULLIF(count(*) FILTER (WHERE opened_in), 0) AS closure_rate,
  count(*) FILTER (WHERE closed_in) AS closed_in_period,
  median(epoch(closed_at - opened_at) / 3600.0) FILTER (WHERE closed_in) AS median_hours_to_close,
  count(*) FILTER (WHERE NOT closed_by_end) AS backlog
FROM c${by === undefined ? "" : ` GROUP BY ${by} ORDER BY ${by}`}`;
  return { sql, params: [options.period.start, options.period.end] };
}
