export {
  SEPTIC_MEASURES,
  SEPTIC_MEASURE_NAMES,
  DEFAULT_SEPTIC_THRESHOLDS,
  checkSepticThresholds,
} from "./septic-thresholds.ts";
export type { SepticMeasure, MeasureThresholds, SepticThresholds } from "./septic-thresholds.ts";
export { septicState, septicStatusSql, septicStateCountsSql } from "./septic-state.ts";
export type { SepticState, SepticReading, SepticAssessment, SepticStatusOptions } from "./septic-state.ts";
export { latestSepticStates } from "./latest-septic.ts";
export type { SepticRow, MonitorStatus } from "./latest-septic.ts";
