export { DEFAULT_TCE_COEFFICIENTS, tceSql } from "./coefficients.ts";
export { tceTonnes } from "./tce.ts";
export {
  GRID_FACTORS,
  DIESEL_KG_CO2_PER_LITRE,
  DEFAULT_CO2_FACTORS,
  co2Factors,
  co2Tonnes,
  co2TonnesSql,
} from "./emission-factors.ts";
export type { GridFactor, GridFactorId, Co2Factors, Co2FactorOptions } from "./emission-factors.ts";
export {
  ENERGY_DIMENSIONS,
  checkEnergyDimensions,
  energyMeasure,
  energyMeasureSql,
} from "./energy-measure.ts";
export type { EnergyMeasure, EnergyUnits, EnergyDimension, EnergyReading } from "./energy-measure.ts";
export { TOU_BANDS, CHONGQING_TOU, touSpans, touBand, touBandSql } from "./tou-schedule.ts";
export type { TouBand, TouWindow, TouSchedule } from "./tou-schedule.ts";
export { touShares, touSharesSql } from "./tou-shares.ts";
export type { TouShares, TouSharesSqlOptions } from "./tou-shares.ts";
export {
  KEY_UNIT_THRESHOLDS,
  keyUnitClass,
  annualisationFactor,
  rankKeyEnergyUnits,
  keyEnergyUnitsSql,
} from "./key-energy-units.ts";
export type { KeyUnitClass, KeyUnitThresholds, KeyUnitOptions, KeyUnitRow } from "./key-energy-units.ts";
export { energyTotalSql, energyComparisonSql } from "./energy-comparison.ts";
export type { EnergyTotalOptions } from "./energy-comparison.ts";
export { energyIntensity, energyIntensitySql } from "./energy-intensity.ts";
export type { IntensityDenominator, EnergyIntensityOptions } from "./energy-intensity.ts";
