export { POLLUTANTS, POLLUTANT_NAMES, INDICATORS } from "./pollutants.ts";
export type { Pollutant, Indicator } from "./pollutants.ts";
export {
  IAQI_LEVELS,
  AQI_STANDARD_IDS,
  AQI_STANDARDS,
  DEFAULT_AQI_STANDARD,
  aqiStandard,
  iaqiSegments,
} from "./aqi-standards.ts";
export type { AqiStandard, AqiStandardId, BreakpointTable, IaqiSegment } from "./aqi-standards.ts";
export { IAQI_EPSILON, iaqi, iaqiFromTable } from "./iaqi.ts";
export { iaqiSql, iaqiTableSql } from "./iaqi-sql.ts";
export { AQI_CATEGORIES, aqiCategory, aqiLevelSql } from "./aqi-categories.ts";
export type { AqiCategory } from "./aqi-categories.ts";
export { aqiFromIaqi, hourlyAqi, dailyAqi } from "./aqi.ts";
export type { AqiResult, AqiOptions, DailyAqiOptions, HourlyAirInput, DailyAirInput } from "./aqi.ts";
export { GB3095_VALIDITY, O3_WINDOW_STARTS, dailyAirConcentrations } from "./daily-concentrations.ts";
export type { AirHourRow, DailyValidity, DailyAirConcentrations } from "./daily-concentrations.ts";
export { dailyAqiSql } from "./daily-aqi-sql.ts";
export type { DailyAqiSqlOptions } from "./daily-aqi-sql.ts";
export { hourlyAqiSeries } from "./hourly-aqi.ts";
export type { HourlyAqiRow } from "./hourly-aqi.ts";
export { hourlyAqiSql } from "./hourly-aqi-sql.ts";
export type { HourlyAqiSqlOptions } from "./hourly-aqi-sql.ts";
export { summariseAirDays, airDaySummarySql } from "./exceedance.ts";
export type { AirDaySummary } from "./exceedance.ts";
