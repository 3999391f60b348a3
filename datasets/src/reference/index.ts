/**
 * Reference geography of Tongnan District (潼南区, code 500152): the real outline, the real towns
 * with approximate seats and cells, coordinate helpers, a seeded PRNG and the generated sites.
 * Node only (reads data files from installed packages). See docs/reference-data.md.
 */
export { tongnanOutline, TONGNAN_CODE, OUTLINE_SOURCE } from "./tongnan-outline.ts";
export type { OutlineProperties } from "./tongnan-outline.ts";
export { decodeEchartsGeometry, decodeEchartsRing } from "./echarts-decode.ts";
export type { EncodedGeometry } from "./echarts-decode.ts";
export { TOWNS, townByCode, loadTowns } from "./towns.ts";
export type { Town } from "./towns.ts";
export { TOWN_SEATS } from "./town-seats.ts";
export type { TownSeat } from "./town-seats.ts";
export { townCells, voronoiCells } from "./town-cells.ts";
export type { TownCellProperties, TownCells } from "./town-cells.ts";
export { townCellsFromGeoJSON } from "./town-cells-from-geojson.ts";
export type { TownCellsFromGeoJSONOptions } from "./town-cells-from-geojson.ts";
export { nearestTown } from "./nearest-town.ts";
export { gcj02ToWgs84, wgs84ToGcj02 } from "./gcj02.ts";
export { createPointTester, pointInPolygon, pointInRing } from "./point-in-polygon.ts";
export { geometryAreaKm2, ringAreaKm2 } from "./geo-area.ts";
export { distanceKm, EARTH_RADIUS_KM, fromLocalKm, toLocalKm } from "./local-projection.ts";
export type { LonLat } from "./local-projection.ts";
export { createRng, hashSeed, mulberry32 } from "./random.ts";
export type { RandomSource, Rng } from "./random.ts";
export { HIGH_TECH_ZONE, INDUSTRIAL_PARKS, SCENIC_SPOTS, URBAN_CORE } from "./landmarks.ts";
export type { Zone } from "./landmarks.ts";
export { RIVERS } from "./rivers.ts";
export type { River } from "./rivers.ts";
export {
  CAMERA_KINDS,
  CAMERA_MIX,
  DEFAULT_SITE_COUNTS,
  ECO_STATION_KINDS,
  INDUSTRY_PROFILES,
  REAL_VIDEO_CAMERAS,
  ROAD_KINDS,
  CameraSchema,
  EcoStationSchema,
  EnterpriseSchema,
  RoadSchema,
  SepticTankSchema,
  generateSites,
  roadNetwork,
} from "./sites/index.ts";
export type {
  Camera,
  CameraKind,
  EcoStation,
  Enterprise,
  GenerateSitesOptions,
  GeneratedSites,
  IndustryProfile,
  Road,
  SepticTank,
  SiteCounts,
} from "./sites/index.ts";
