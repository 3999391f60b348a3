export { generateSites, DEFAULT_SITE_COUNTS } from "./generate-sites.ts";
export type { GenerateSitesOptions, SiteCounts } from "./generate-sites.ts";
export { roadNetwork } from "./road-network.ts";
export { INDUSTRY_PROFILES } from "./enterprise-profiles.ts";
export type { IndustryProfile } from "./enterprise-profiles.ts";
export { CAMERA_MIX, REAL_VIDEO_CAMERAS } from "./cameras.ts";
export {
  CAMERA_KINDS,
  ECO_STATION_KINDS,
  ROAD_KINDS,
  CameraSchema,
  EcoStationSchema,
  EnterpriseSchema,
  RoadSchema,
  SepticTankSchema,
} from "./site-schemas.ts";
export type {
  Camera,
  CameraKind,
  EcoStation,
  Enterprise,
  GeneratedSites,
  Road,
  SepticTank,
} from "./site-schemas.ts";
