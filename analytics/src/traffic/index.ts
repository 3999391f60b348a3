export {
  MOTOR_CLASSES,
  TRAFFIC_DIMENSIONS,
  checkTrafficDimensions,
  checkTrafficClasses,
} from "./traffic-common.ts";
export type { TrafficDimension, TrafficGrain, TrafficRow } from "./traffic-common.ts";
export { trafficVolumes, trafficVolumesSql } from "./traffic-volume.ts";
export type { TrafficVolumeOptions, TrafficVolumeRow } from "./traffic-volume.ts";
export { peakHours, peakHourSql } from "./peak-hour.ts";
export type { PeakHourRow } from "./peak-hour.ts";
export { CONGESTION_BANDS, congestionBand, congestionLevelSql } from "./congestion-bands.ts";
export type { CongestionBand } from "./congestion-bands.ts";
export {
  DEFAULT_FREE_FLOW,
  freeFlowSpeeds,
  congestionIndex,
  congestionByCamera,
  congestionSql,
} from "./congestion.ts";
export type { FreeFlow, CongestionOptions, CongestionResult } from "./congestion.ts";
