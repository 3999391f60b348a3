import { air } from "@citybrain/datasets";
import type { Period } from "../kpi-common/period.ts";
import { checkPeriod } from "../kpi-common/period.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import type { SqlParam } from "../store/store.ts";
import type { AqiOptions } from "./aqi.ts";
import { aqiTailSql } from "./aqi-tail-sql.ts";
import { iaqiSql } from "./iaqi-sql.ts";

/** Options of {@link hourlyAqiSql}. */
export interface HourlyAqiSqlOptions extends AqiOptions {
  /** Asia/Shanghai days whose hours to compute. */
  readonly period: Period;
  /** Only these stations (all when absent or empty). */
  readonly stations?: readonly string[];
}

/**
 * Hourly (real-time) AQI per station-hour from the `air` table, as {@link hourlyAqi}: 1 h
 * tables for SO2/NO2/CO/O3, 24 h tables for PM; SO2 above 800 uses the trailing 24 h mean
 * (read from up to 23 hours before the period).
 *
 * Columns: station_id, ts (UTC), pm25 … o3, so2_24h, iaqi_pm25 … iaqi_o3, aqi, level,
 * primary_pollutants, exceeding.
 */
export function hourlyAqiSql(options: HourlyAqiSqlOptions): SqlQuery {
  checkPeriod(options.period);
  const std = options.standard;
  const stations = options.stations ?? [];
  const stationSql = stations.length > 0 ? ` AND station_id IN (${stations.map(() => "?").join(", ")})` : "";
  const start = "CAST(? AS DATE) - INTERVAL 8 HOUR";
  const params: SqlParam[] = [options.period.start, options.period.end, ...stations, options.period.start];
  const so2 = `CASE WHEN so2 > 800 THEN ${iaqiSql("so2_24h", "coalesce(so2_24h, so2)", std)} ELSE ${iaqiSql("so2_1h", "so2", std)} END`;
  const sql = `WITH source AS (
  SELECT station_id, ts, pm25, pm10, so2, no2, co, o3,
    avg(so2) OVER (PARTITION BY station_id ORDER BY ts RANGE BETWEEN INTERVAL 23 HOUR PRECEDING AND CURRENT ROW) AS so2_24h
  FROM ${air.name}
  WHERE ts >= ${start} - INTERVAL 23 HOUR AND ts < CAST(? AS DATE) - INTERVAL 8 HOUR${stationSql}
), hourly AS (
  SELECT * FROM source WHERE ts >= ${start}
), iaqi AS (
  SELECT *,
    ${iaqiSql("pm25_24h", "pm25", std)} AS iaqi_pm25,
    ${iaqiSql("pm10_24h", "pm10", std)} AS iaqi_pm10,
    ${so2} AS iaqi_so2,
    ${iaqiSql("no2_1h", "no2", std)} AS iaqi_no2,
    ${iaqiSql("co_1h", "co", std)} AS iaqi_co,
    ${iaqiSql("o3_1h", "o3", std)} AS iaqi_o3
  FROM hourly
)
${aqiTailSql("iaqi")}
ORDER BY station_id, ts`;
  return { sql, params };
}
