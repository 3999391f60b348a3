import { AQI_CATEGORIES } from "../air/aqi-categories.ts";
import { dailyAqiSql } from "../air/daily-aqi-sql.ts";
import { hourlyAqiSql } from "../air/hourly-aqi-sql.ts";
import type { ExtractDef } from "./extract-defs.ts";
import { inlineParams, sqlExpr } from "./inline-params.ts";

/** Category columns of an AQI level (1–6), from the HJ 633 table. */
function categorySql(level: string): string {
  const arm = (key: "zh" | "en" | "color") =>
    `CASE ${level} ${AQI_CATEGORIES.map((c) => `WHEN ${c.level} THEN '${c[key]}'`).join(" ")} END`;
  return `${arm("zh")} AS category, ${arm("en")} AS category_en, ${arm("color")} AS color`;
}

const AQI_COLUMNS = `CAST(a.aqi AS INTEGER) AS aqi, CAST(a.level AS INTEGER) AS level, ${categorySql("a.level")},
    a.primary_pollutants, a.exceeding`;
const STATION = `LEFT JOIN sites s ON s.id = a.station_id AND s.kind = 'air_station'`;

/** Every day of the history: the extract is small (30 stations × 365 days at the full preset). */
const daily = dailyAqiSql({ period: { start: "2000-01-01", end: "2100-01-01" } });

/**
 * Daily AQI per station and Shanghai day (`dailyAqiSql`, HJ 633-2012 with GB 3095 validity;
 * docs/kpis.md) with category, colour and primary pollutants. It reads the hourly `air` table:
 * the daily O3 statistic is a max of 8-hour moving means, which `rollup_air_day` cannot give,
 * and air is the smallest stream (one row per station-hour). Environment scene: AQI calendar,
 * good-day rate, station ranking; briefing slides.
 */
export const airDailyAqi: ExtractDef = {
  name: "air_daily_aqi",
  title: { zh: "站点日空气质量指数", en: "Daily AQI by station" },
  timeColumn: "day",
  streams: ["air"],
  incremental: "day",
  sql: `SELECT a.station_id, s.name, s.town_code, a.day, CAST(a.hours AS INTEGER) AS hours,
    a.pm25, a.pm10, a.so2, a.no2, a.co, a.o3_8h, a.o3_1h, ${AQI_COLUMNS}
  FROM (${inlineParams(daily)}) a ${STATION}
  ORDER BY a.day, a.station_id`,
};

const hourly = hourlyAqiSql({ period: { start: "2000-01-01", end: "2000-01-02" } });
/** The newest Shanghai day of air data, plus `offset` days. */
const airDay = (offset: number) =>
  sqlExpr(`SELECT CAST(max(ts) + INTERVAL 8 HOUR AS DATE) + ${offset} FROM air`);
const hourlyValues = hourly.params.map((p) =>
  p === "2000-01-01" ? airDay(-1) : p === "2000-01-02" ? airDay(1) : p,
);

/**
 * Each station's newest hourly (real-time) AQI within the last two Shanghai days of data
 * (`hourlyAqiSql`), with coordinates from `sites`; a station silent for longer is absent (the
 * map shows it from `sites` as offline). Overview and environment scenes: AQI map, ticker.
 */
export const airLatest: ExtractDef = {
  name: "air_latest",
  title: { zh: "站点实时空气质量", en: "Latest hourly AQI by station" },
  timeColumn: "ts",
  streams: ["air"],
  sql: `SELECT a.station_id, s.name, s.town_code, s.lon, s.lat, a.ts,
    a.pm25, a.pm10, a.so2, a.no2, a.co, a.o3, ${AQI_COLUMNS}
  FROM (${inlineParams(hourly, hourlyValues)}) a ${STATION}
  QUALIFY row_number() OVER (PARTITION BY a.station_id ORDER BY a.ts DESC) = 1
  ORDER BY a.station_id`,
};
