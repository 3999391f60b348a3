import type { SqlParam } from "../store/store.ts";
import type { Period } from "./period.ts";
import { checkPeriod } from "./period.ts";

/**
 * Asia/Shanghai wall-clock time of a UTC TIMESTAMP column. China keeps UTC+8 all year, so a
 * fixed shift is exact and needs no ICU extension (DuckDB-WASM cannot load it offline).
 */
export const shanghaiTimeSql = (col: string): string => `(${col} + INTERVAL 8 HOUR)`;

/** Asia/Shanghai calendar day (DATE) of a UTC TIMESTAMP column. */
export const shanghaiDaySql = (col: string): string => `CAST(${col} + INTERVAL 8 HOUR AS DATE)`;

/** Asia/Shanghai hour of day (0–23) of a UTC TIMESTAMP column. */
export const shanghaiHourSql = (col: string): string => `hour(${col} + INTERVAL 8 HOUR)`;

/**
 * A WHERE fragment selecting the UTC TIMESTAMP `col` inside the local-day period, written on
 * the raw column so DuckDB can prune row groups by min/max. Two `?` placeholders: start, end.
 */
export function timestampInPeriodSql(col: string, period: Period): { sql: string; params: SqlParam[] } {
  checkPeriod(period);
  return {
    sql: `${col} >= CAST(? AS DATE) - INTERVAL 8 HOUR AND ${col} < CAST(? AS DATE) - INTERVAL 8 HOUR`,
    params: [period.start, period.end],
  };
}

/** A WHERE fragment selecting the DATE column `col` inside the period (two `?`: start, end). */
export function dateInPeriodSql(col: string, period: Period): { sql: string; params: SqlParam[] } {
  checkPeriod(period);
  return {
    sql: `${col} >= CAST(? AS DATE) AND ${col} < CAST(? AS DATE)`,
    params: [period.start, period.end],
  };
}
