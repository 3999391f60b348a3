import type { SqlQuery } from "../kpi-common/sql-query.ts";
import { safeRatio } from "../kpi-common/stats.ts";
import type { DailyAqiSqlOptions } from "./daily-aqi-sql.ts";
import { dailyAqiSql } from "./daily-aqi-sql.ts";

/** Day counts of a station (or any set of days). */
export interface AirDaySummary {
  /** Days with an AQI. */
  readonly validDays: number;
  /** Days with AQI > 100 (超标天数). */
  readonly exceedanceDays: number;
  /** Days with AQI ≤ 100 (优良天数). */
  readonly goodDays: number;
  /** goodDays / validDays (优良天数比率); null without valid days. */
  readonly goodRate: number | null;
}

/**
 * Counts exceedance (AQI > 100) and good (AQI ≤ 100) days; days without an AQI are left out.
 * @example summariseAirDays([{ aqi: 101 }, { aqi: 100 }, { aqi: null }]) // valid 2, exceedance 1, good 1, rate 0.5
 */
export function summariseAirDays(days: readonly { readonly aqi: number | null }[]): AirDaySummary {
  const valid = days.filter((d) => d.aqi != null);
  const exceedanceDays = valid.filter((d) => (d.aqi as number) > 100).length;
  const goodDays = valid.length - exceedanceDays;
  return { validDays: valid.length, exceedanceDays, goodDays, goodRate: safeRatio(goodDays, valid.length) };
}

/**
 * Per station over the period: valid_days, exceedance_days, good_days, good_rate (NULL without
 * valid days), from {@link dailyAqiSql} with the same options.
 */
export function airDaySummarySql(options: DailyAqiSqlOptions): SqlQuery {
  const daily = dailyAqiSql(options);
  const sql = `SELECT station_id, count(aqi) AS valid_days,
  count(*) FILTER (WHERE aqi > 100) AS exceedance_days,
  count(*) FILTER (WHERE aqi <= 100) AS good_days,
  CAST(count(*) FILTER (WHERE aqi <= 100) AS DOUBLE) / NULLIF(count(aqi), 0) AS good_rate
FROM (${daily.sql}) AS daily
GROUP BY station_id ORDER BY station_id`;
  return { sql, params: daily.params };
}
