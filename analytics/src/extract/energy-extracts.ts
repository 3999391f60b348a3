import { co2TonnesSql } from "../energy/emission-factors.ts";
import { touBandSql } from "../energy/tou-schedule.ts";
import { shanghaiDaySql, shanghaiHourSql } from "../kpi-common/shanghai-sql.ts";
import type { ExtractDef } from "./extract-defs.ts";

/** The local day `days − 1` days before the newest hour of `rollup_energy_hour`. */
const firstOfLastDays = (days: number) =>
  `(SELECT ${shanghaiDaySql("max(hour)")} - ${days - 1} FROM rollup_energy_hour)`;

/**
 * Energy per enterprise × Shanghai day × carrier with tce and t CO2 (default factors), from
 * `rollup_energy_day`, one file per month (≈ 310k rows a year at the full preset, so an
 * ingest rewrites only its month). Report builder and the energy scene's enterprise drill-down.
 */
export const energyDailyEnterprise: ExtractDef = {
  name: "energy_daily_enterprise",
  title: {
    zh: "分企业分品种日能耗（按月分片）",
    en: "Daily energy by enterprise and carrier, monthly parts",
  },
  timeColumn: "day",
  streams: ["energy"],
  incremental: "day",
  partitionBy: "month",
  role: "drill-down",
  sql: `SELECT day, enterprise_id, industry, town_code, carrier, value, tce,
    ${co2TonnesSql("carrier", "value")} AS co2_t, CAST(readings AS INTEGER) AS readings
  FROM rollup_energy_day ORDER BY day, enterprise_id, carrier`,
};

/**
 * Energy per town × hour × carrier over the last 7 Shanghai days of data, with the hour's
 * time-of-use band (Chongqing schedule: its windows start on whole hours, so an hour has one
 * band). Energy scene: hourly load curve, peak/flat/valley split, town heat map.
 */
export const energyHourlyTown: ExtractDef = {
  name: "energy_hourly_town",
  title: { zh: "分镇街逐时能耗（近7日）", en: "Hourly energy by town, last 7 days" },
  timeColumn: "ts",
  streams: ["energy"],
  sql: `SELECT hour AS ts, ${shanghaiDaySql("hour")} AS day, CAST(${shanghaiHourSql("hour")} AS INTEGER) AS hour_of_day,
    town_code, carrier, ${touBandSql("hour")} AS band, sum(value) AS value, sum(tce) AS tce
  FROM rollup_energy_hour
  WHERE hour >= CAST(${firstOfLastDays(7)} AS TIMESTAMP) - INTERVAL 8 HOUR
  GROUP BY ALL ORDER BY ts, town_code, carrier`,
};

/**
 * Energy per enterprise × hour × carrier for the whole history, one file per month: the large
 * drill-down (≈ 7.6M rows a year at the full preset). t CO2 is left out to keep the files
 * lean: it is `value` × the carrier's factor (docs/kpis.md).
 */
export const energyHourlyEnterprise: ExtractDef = {
  name: "energy_hourly_enterprise",
  title: { zh: "分企业逐时能耗（按月分片）", en: "Hourly energy by enterprise, monthly parts" },
  timeColumn: "ts",
  streams: ["energy"],
  incremental: "day",
  partitionBy: "month",
  role: "drill-down",
  sql: `SELECT hour AS ts, enterprise_id, carrier, sum(value) AS value, sum(tce) AS tce
  FROM rollup_energy_hour GROUP BY ALL ORDER BY ts, enterprise_id, carrier`,
};
