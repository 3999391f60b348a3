import { air } from "@citybrain/datasets";
import type { Period } from "../kpi-common/period.ts";
import { shanghaiDaySql, shanghaiHourSql, timestampInPeriodSql } from "../kpi-common/shanghai-sql.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import type { SqlParam } from "../store/store.ts";
import { aqiTailSql } from "./aqi-tail-sql.ts";
import type { DailyAqiOptions } from "./aqi.ts";
import type { DailyValidity } from "./daily-concentrations.ts";
import { GB3095_VALIDITY, O3_WINDOW_STARTS } from "./daily-concentrations.ts";
import { iaqiSql } from "./iaqi-sql.ts";

/** Options of {@link dailyAqiSql}. */
export interface DailyAqiSqlOptions extends DailyAqiOptions {
  /** Asia/Shanghai days to compute. */
  readonly period: Period;
  /** Only these stations (all when absent or empty). */
  readonly stations?: readonly string[];
  /** Data-validity minima; GB 3095-2012's by default. */
  readonly validity?: Partial<DailyValidity>;
}

const MEANS = ["pm25", "pm10", "so2", "no2", "co"] as const;

/** The O3 daily IAQI in SQL, mirroring `dailyO3Iaqi` in aqi.ts. */
function o3DailySql(options: DailyAqiOptions): string {
  const std = options.standard;
  const eight = iaqiSql("o3_8h", "o3_8h", std);
  const one = iaqiSql("o3_1h", "o3_1h", std);
  const normal = (options.o3OneHourInDaily ?? true) ? `greatest(${eight}, ${one})` : eight;
  return `CASE WHEN o3_8h > 800 THEN ${one} ELSE ${normal} END`;
}

/**
 * Daily AQI per station and Asia/Shanghai day from the hourly `air` table (HJ 633-2012 §5):
 * 24 h means, O3 daily max 8 h moving mean (windows starting 00:00–16:00) and max 1 h, with
 * GB 3095 validity minima; IAQI by CASE arms generated from the breakpoint tables.
 *
 * Columns: station_id, day (DATE), hours, pm25, pm10, so2, no2, co, o3_8h, o3_1h,
 * iaqi_pm25 … iaqi_o3 (INTEGER), aqi, level (1–6), primary_pollutants ("pm25,pm10" or NULL
 * when AQI ≤ 50), exceeding (AQI > 100). Equal to {@link dailyAqi} over
 * {@link dailyAirConcentrations}.
 * @example const { sql, params } = dailyAqiSql({ period: { start: "2026-03-01", end: "2026-04-01" } });
 */
export function dailyAqiSql(options: DailyAqiSqlOptions): SqlQuery {
  const k = { ...GB3095_VALIDITY, ...options.validity };
  const range = timestampInPeriodSql("ts", options.period);
  const stations = options.stations ?? [];
  const stationSql = stations.length > 0 ? ` AND station_id IN (${stations.map(() => "?").join(", ")})` : "";
  const params: SqlParam[] = [...range.params, ...stations];
  const std = options.standard;

  const means = MEANS.map((p) => `CASE WHEN count(${p}) >= ? THEN avg(${p}) END AS ${p}`).join(",\n    ");
  params.push(...MEANS.map(() => k.minHours24h), k.minHours24h, k.minHours8h, k.minWindows8h, k.minHours8h);

  const sql = `WITH hourly AS (
  SELECT station_id, ${shanghaiDaySql("ts")} AS day, ${shanghaiHourSql("ts")} AS h, pm25, pm10, so2, no2, co, o3
  FROM ${air.name}
  WHERE ${range.sql}${stationSql}
), means AS (
  SELECT station_id, day, count(*) AS hours,
    ${means},
    CASE WHEN count(o3) >= ? THEN max(o3) END AS o3_1h
  FROM hourly GROUP BY station_id, day
), o3_windows AS (
  SELECT station_id, day, w.start_hour, avg(o3) AS o3_mean, count(o3) AS n
  FROM hourly JOIN range(0, ${O3_WINDOW_STARTS}) AS w(start_hour) ON h BETWEEN w.start_hour AND w.start_hour + 7
  GROUP BY station_id, day, w.start_hour
), o3_daily AS (
  SELECT station_id, day,
    CASE WHEN count(*) FILTER (WHERE n >= ?) >= ? THEN max(o3_mean) FILTER (WHERE n >= ?) END AS o3_8h
  FROM o3_windows GROUP BY station_id, day
), conc AS (
  SELECT m.station_id, m.day, m.hours, ${MEANS.map((p) => `m.${p}`).join(", ")}, d.o3_8h, m.o3_1h
  FROM means m LEFT JOIN o3_daily d ON d.station_id = m.station_id AND d.day = m.day
), iaqi AS (
  SELECT *,
    ${MEANS.map((p) => `${iaqiSql(`${p}_24h`, p, std)} AS iaqi_${p}`).join(",\n    ")},
    ${o3DailySql(options)} AS iaqi_o3
  FROM conc
)
${aqiTailSql("iaqi")}
ORDER BY station_id, day`;
  return { sql, params };
}
