export type { SqlQuery } from "./sql-query.ts";
export type { Period } from "./period.ts";
export { checkPeriod, periodDays, addMonths, addDays, shanghaiMidnightMs } from "./period.ts";
export {
  shanghaiTimeSql,
  shanghaiDaySql,
  shanghaiHourSql,
  timestampInPeriodSql,
  dateInPeriodSql,
} from "./shanghai-sql.ts";
export { toEpochMs, localDayOf, localHourOf, localMinuteOfDay } from "./local-time.ts";
export type { TimeInput } from "./local-time.ts";
export { safeRatio, quantileCont, median, mean } from "./stats.ts";
export { safeIdentifier } from "./identifier.ts";
export { comparisonPeriod, changeRate, comparePeriodsSql } from "./period-comparison.ts";
export type { ComparisonKind, ComparePeriodsOptions } from "./period-comparison.ts";
