import { tceSql } from "../energy/coefficients.ts";
import type { RollupDef } from "./rollup-def.ts";

const sum = (c: string) => `sum(${c})`;

/** Energy per meter and hour, with tonnes of standard coal. */
export const energyHour: RollupDef = {
  name: "rollup_energy_hour",
  stream: "energy",
  timeColumn: "ts",
  grain: "hour",
  dimensions: [
    ["meter_id", "meter_id"],
    ["enterprise_id", "enterprise_id"],
    ["industry", "industry"],
    ["town_code", "town_code"],
    ["carrier", "carrier"],
  ],
  measures: [
    ["value", sum("value")],
    ["tce", sum(tceSql("carrier", "value"))],
    ["readings", "count(*)"],
  ],
};

/** Energy per enterprise, carrier and Shanghai day (from the hour rollup: a quarter of the rows). */
export const energyDay: RollupDef = {
  ...energyHour,
  name: "rollup_energy_day",
  grain: "day",
  dimensions: energyHour.dimensions.filter(([name]) => name !== "meter_id"),
  from: energyHour,
  measures: [
    ["value", sum("value")],
    ["tce", sum("tce")],
    ["readings", "sum(readings)::BIGINT"],
  ],
};

/** Traffic per camera line, direction, class and hour; speed kept as a count-weighted sum. */
export const trafficHour: RollupDef = {
  name: "rollup_traffic_hour",
  stream: "traffic",
  timeColumn: "ts",
  grain: "hour",
  dimensions: [
    ["camera_id", "camera_id"],
    ["line_id", "line_id"],
    ["road_id", "road_id"],
    ["town_code", "town_code"],
    ["direction", "direction"],
    ["class", "class"],
  ],
  measures: [
    ["count", sum("count")],
    ["speed_weighted", sum("count * mean_speed_kmh")],
    ["speed_count", "sum(CASE WHEN mean_speed_kmh IS NULL THEN 0 ELSE count END)"],
    ["minutes", "count(*)"],
  ],
};

/** Septic monitors per hour: means and peaks. */
export const septicHour: RollupDef = {
  name: "rollup_septic_hour",
  stream: "septic",
  timeColumn: "ts",
  grain: "hour",
  dimensions: [
    ["monitor_id", "monitor_id"],
    ["town_code", "town_code"],
  ],
  measures: [
    ["ch4_mean", "avg(ch4_lel)"],
    ["ch4_max", "max(ch4_lel)"],
    ["h2s_max", "max(h2s_ppm)"],
    ["level_max", "max(level_pct)"],
    ["temperature_mean", "avg(temperature_c)"],
    ["readings", "count(*)"],
  ],
};

/** Air stations per Shanghai day: 24-hour means (AQI is computed from these). */
export const airDay: RollupDef = {
  name: "rollup_air_day",
  stream: "air",
  timeColumn: "ts",
  grain: "day",
  dimensions: [
    ["station_id", "station_id"],
    ["town_code", "town_code"],
  ],
  measures: [
    ["pm25", "avg(pm25)"],
    ["pm10", "avg(pm10)"],
    ["so2", "avg(so2)"],
    ["no2", "avg(no2)"],
    ["co", "avg(co)"],
    ["o3_max_1h", "max(o3)"],
    ["noise_db", "avg(noise_db)"],
    ["hours", "count(*)"],
  ],
};

/** Cases per Shanghai day of report, town, app and category. */
export const casesDay: RollupDef = {
  name: "rollup_cases_day",
  stream: "cases",
  timeColumn: "opened_at",
  grain: "day",
  dimensions: [
    ["town_code", "town_code"],
    ["app", "app"],
    ["category", "category"],
  ],
  measures: [
    ["opened", "count(*)"],
    ["closed", "count(*) FILTER (WHERE status = 'closed')"],
    [
      "hours_to_close",
      "sum(date_diff('second', opened_at, closed_at) / 3600.0) FILTER (WHERE status = 'closed')",
    ],
  ],
};

/** Every rollup the store keeps. */
export const DEFAULT_ROLLUPS: readonly RollupDef[] = [
  energyHour,
  energyDay,
  trafficHour,
  septicHour,
  airDay,
  casesDay,
];
