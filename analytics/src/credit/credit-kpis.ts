import { credit } from "@citybrain/datasets";
import type { Period } from "../kpi-common/period.ts";
import { dateInPeriodSql } from "../kpi-common/shanghai-sql.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import { safeRatio } from "../kpi-common/stats.ts";
import type { SqlParam } from "../store/store.ts";

/** Credit ratings, best first (as in the `credit` stream). */
export const CREDIT_RATINGS = ["A", "B", "C", "D"] as const;
export type CreditRating = (typeof CREDIT_RATINGS)[number];

/** One `credit` row (enterprise × month), as the TS functions take it. */
export interface CreditRow {
  /** First day of the month, `YYYY-MM-01`. */
  readonly month: string;
  readonly enterprise_id: string;
  readonly town_code: string;
  readonly rating: CreditRating;
  readonly red_list: number;
  readonly black_list: number;
  readonly queries: number;
  readonly joint_rewards: number;
  readonly joint_punishments: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])-01$/;

function checkMonth(month: string): string {
  if (!MONTH.test(month))
    throw new Error(
      `credit month: expected the first day of a month (YYYY-MM-01), got ${JSON.stringify(month)}`,
    );
  return month;
}

/** Grouping of the credit queries: by town or district-wide. */
export interface CreditGrouping {
  readonly byTown?: boolean;
}

/** Enterprises per rating in a month, and the share of the month's rated enterprises. */
export function creditRatingDistribution(rows: readonly CreditRow[], month: string) {
  checkMonth(month);
  const inMonth = rows.filter((r) => r.month === month);
  return CREDIT_RATINGS.map((rating) => {
    const n = inMonth.filter((r) => r.rating === rating).length;
    return { rating, enterprises: n, share: safeRatio(n, inMonth.length) };
  });
}

/**
 * Enterprises per rating in a month (every rating listed, zero included). Columns:
 * [town_code,] rating, enterprises, share (of the group's rated enterprises; NULL if none).
 */
export function creditRatingDistributionSql(options: CreditGrouping & { readonly month: string }): SqlQuery {
  const month = checkMonth(options.month);
  const town = options.byTown === true;
  const groups = town ? `(SELECT DISTINCT town_code FROM m) AS g CROSS JOIN ` : "";
  const sql = `WITH m AS (SELECT * FROM ${credit.name} WHERE month = CAST(? AS DATE))
SELECT ${town ? "g.town_code, " : ""}r.rating, count(m.enterprise_id) AS enterprises,
  CAST(count(m.enterprise_id) AS DOUBLE) / NULLIF(sum(count(m.enterprise_id)) OVER (${town ? "PARTITION BY g.town_code" : ""}), 0) AS share
FROM ${groups}(SELECT unnest([${CREDIT_RATINGS.map((r) => `'${r}'`).join(", ")}]) AS rating) AS r
LEFT JOIN m ON m.rating = r.rating${town ? " AND m.town_code = g.town_code" : ""}
GROUP BY ${town ? "g.town_code, " : ""}r.rating ORDER BY ${town ? "g.town_code, " : ""}r.rating`;
  return { sql, params: [month] };
}

/**
 * Red/black lists in force in a month. Columns: [town_code,] red_enterprises (with ≥ 1 red
 * entry), red_entries, black_enterprises, black_entries.
 */
export function creditListsSql(options: CreditGrouping & { readonly month: string }): SqlQuery {
  const month = checkMonth(options.month);
  const key = options.byTown === true ? "town_code, " : "";
  const sql = `SELECT ${key}count(*) FILTER (WHERE red_list > 0) AS red_enterprises, coalesce(sum(red_list), 0) AS red_entries,
  count(*) FILTER (WHERE black_list > 0) AS black_enterprises, coalesce(sum(black_list), 0) AS black_entries
FROM ${credit.name} WHERE month = CAST(? AS DATE)${key ? " GROUP BY town_code ORDER BY town_code" : ""}`;
  return { sql, params: [month] };
}

/**
 * Activity over the months whose first day lies in the period. Columns: [town_code,]
 * joint_rewards, joint_punishments, joint_actions (their sum), queries.
 */
export function creditActionsSql(options: CreditGrouping & { readonly period: Period }): SqlQuery {
  const range = dateInPeriodSql("month", options.period);
  const key = options.byTown === true ? "town_code, " : "";
  const params: SqlParam[] = [...range.params];
  const sql = `SELECT ${key}coalesce(sum(joint_rewards), 0) AS joint_rewards, coalesce(sum(joint_punishments), 0) AS joint_punishments,
  coalesce(sum(joint_rewards + joint_punishments), 0) AS joint_actions, coalesce(sum(queries), 0) AS queries
FROM ${credit.name} WHERE ${range.sql}${key ? " GROUP BY town_code ORDER BY town_code" : ""}`;
  return { sql, params };
}

/** TS twin of {@link creditListsSql} and {@link creditActionsSql}, district-wide. */
export function creditSummary(rows: readonly CreditRow[], month: string, period: Period) {
  checkMonth(month);
  const m = rows.filter((r) => r.month === month);
  const p = rows.filter((r) => r.month >= period.start && r.month < period.end);
  const sum = (xs: readonly CreditRow[], f: (r: CreditRow) => number) => xs.reduce((s, r) => s + f(r), 0);
  return {
    red_enterprises: m.filter((r) => r.red_list > 0).length,
    red_entries: sum(m, (r) => r.red_list),
    black_enterprises: m.filter((r) => r.black_list > 0).length,
    black_entries: sum(m, (r) => r.black_list),
    joint_rewards: sum(p, (r) => r.joint_rewards),
    joint_punishments: sum(p, (r) => r.joint_punishments),
    joint_actions: sum(p, (r) => r.joint_rewards + r.joint_punishments),
    queries: sum(p, (r) => r.queries),
  };
}
