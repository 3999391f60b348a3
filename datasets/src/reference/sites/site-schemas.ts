import { z } from "zod";
// One definition of the industry and carrier codes, shared with the stream schemas.
import { CARRIERS, INDUSTRIES, type Carrier, type Industry } from "../../streams/enums.ts";

/**
 * Record shapes of the generated reference sites: one zod schema each, from which the TS type
 * is inferred. Every record carries `source: "generated"` — none of these are real assets.
 */

const lon = z.number().min(105.5).max(106.05);
const lat = z.number().min(29.75).max(30.45);
const townCode = z.string().regex(/^500152\d{3}$/);
const generated = z.literal("generated");

export const ROAD_KINDS = ["expressway", "national", "urban", "county"] as const;
export const RoadSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ROAD_KINDS),
  coordinates: z.array(z.tuple([lon, lat])).min(2),
  source: generated,
});
export type Road = z.infer<typeof RoadSchema>;

export const CAMERA_KINDS = [
  "road",
  "intersection",
  "highway",
  "plaza",
  "school",
  "river",
  "community",
  "scenic",
] as const;
export type CameraKind = (typeof CAMERA_KINDS)[number];
export const CameraSchema = z.object({
  id: z.string().regex(/^CAM-\d{5}$/),
  name: z.string(),
  kind: z.enum(CAMERA_KINDS),
  town_code: townCode,
  /** Set for road, intersection and highway cameras. */
  road_id: z.string().nullable(),
  lon,
  lat,
  /** Exactly four cameras stand for the live/real-video feeds; all in the urban core. */
  realVideo: z.boolean(),
  source: generated,
});
export type Camera = z.infer<typeof CameraSchema>;

export const SepticTankSchema = z.object({
  id: z.string().regex(/^SEP-\d{3}$/),
  name: z.string(),
  town_code: townCode,
  lon,
  lat,
  depth_m: z.number().positive(),
  volume_m3: z.number().positive(),
  source: generated,
});
export type SepticTank = z.infer<typeof SepticTankSchema>;

export const ECO_STATION_KINDS = ["urban", "town", "industrial", "background"] as const;
export const EcoStationSchema = z.object({
  id: z.string().regex(/^AIR-\d{2}$/),
  name: z.string(),
  town_code: townCode,
  lon,
  lat,
  kind: z.enum(ECO_STATION_KINDS),
  source: generated,
});
export type EcoStation = z.infer<typeof EcoStationSchema>;

export type { Carrier, Industry };
export const EnterpriseSchema = z.object({
  id: z.string().regex(/^ENT-\d{4}$/),
  name: z.string(),
  industry: z.enum(INDUSTRIES),
  town_code: townCode,
  lon,
  lat,
  /** key: 重点用能单位 (≥ 5,000 tce/yr); above: 规上 (revenue ≥ 20 M yuan); other. */
  scale: z.enum(["key", "above", "other"]),
  /** Annual energy use, tonnes of standard coal equivalent. */
  annual_tce: z.number().positive(),
  shifts: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Energy carriers the site meters; electricity always. */
  carriers: z.array(z.enum(CARRIERS)).min(1),
  source: generated,
});
export type Enterprise = z.infer<typeof EnterpriseSchema>;

/** Everything {@link generateSites} returns. */
export interface GeneratedSites {
  seed: number | string;
  roads: Road[];
  cameras: Camera[];
  septicTanks: SepticTank[];
  ecoStations: EcoStation[];
  enterprises: Enterprise[];
}
