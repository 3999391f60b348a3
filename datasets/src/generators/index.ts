/**
 * Deterministic, seeded generators for every stream, their scale presets and the calendar,
 * weather and load-shape helpers that analytics may reuse.
 */
export { PRESETS, ANCHOR_DATE, presetOf } from "./presets.ts";
export type { AnomalyCounts, PresetSpec } from "./presets.ts";
export { makeContext, defaultSites } from "./context.ts";
export { LIVE_ANOMALIES } from "./live-anomalies.ts";
export { blockContexts } from "./window.ts";
export type { MakeContextOptions } from "./context.ts";
export type { GeneratorContext, GroundTruthAnomaly, PresetName, StreamGenerator } from "./types.ts";
export type {
  CameraShape,
  EcoStationShape,
  EnterpriseShape,
  GeneratorSites,
  RoadShape,
  SepticTankShape,
  SiteShape,
} from "./site-shapes.ts";
export {
  HOLIDAYS,
  SPRING_FESTIVAL_DAYS,
  dayKindOf,
  daysFromSpringFestival,
  holidayOf,
  isWorkday,
  springFestivalFactor,
  springFestivalFactorOfDay,
} from "./calendar.ts";
export type { DayKind, HolidaySpan } from "./calendar.ts";
export { dailyWeather, temperatureAt } from "./weather.ts";
export type { DailyWeather } from "./weather.ts";
export { dayTypeOf, loadShape, profileOf, seasonalFactor, weeklyMean } from "./cycles.ts";
export type { DayType, LoadProfile } from "./cycles.ts";
export { dateOfDay, dayOfDate, dayStart, localDay, localTimeOfDay } from "./time.ts";
export { Random, hashSeed, rngFor } from "./random.ts";
export { BatchDigest, digestBatches } from "./batch-digest.ts";
export { GENERATORS, anomaliesOf } from "./generators.ts";
export { generateEnergy, energyMeters, energyAnomalies } from "../streams/energy/generate.ts";
export { generateSeptic, septicMonitors, septicAnomalies } from "../streams/septic/generate.ts";
export { generateAir, airStations, airAnomalies } from "../streams/air/generate.ts";
export { generateTraffic, trafficCameras, trafficAnomalies } from "../streams/traffic/generate.ts";
export { generateCases, caseAnchors, CASE_LOOKBACK_DAYS } from "../streams/cases/generate.ts";
export { CASE_APPS } from "../streams/cases/generate-catalog.ts";
export type { CaseApp, CaseCategory } from "../streams/cases/generate-catalog.ts";
export { generateCredit, creditEnterprises, creditMonths } from "../streams/credit/generate.ts";
export { generateExchange, exchangeItems, RECORDS_PER_YEAR } from "../streams/exchange/generate.ts";
export { CONSUMER_UNITS, exchangeCatalog } from "../streams/exchange/generate-catalog.ts";
export type { CatalogItem } from "../streams/exchange/generate-catalog.ts";
export { generateAlerts, alertHistory } from "../streams/alerts/generate.ts";
export { trafficDayFactor, trafficShape, CHONGKAN_TOWN } from "./traffic-cycles.ts";
export type { TrafficCategory } from "./traffic-cycles.ts";
