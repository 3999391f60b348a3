/**
 * What the generators need of the reference sites, as structural types: the reference data's
 * `GeneratedSites` fits them, and tests can pass small hand-made lists.
 */
import type { Carrier, Industry } from "../streams/index.ts";

/** Any located site. */
export interface SiteShape {
  readonly id: string;
  /** 9-digit town/street code, e.g. "500152001". */
  readonly town_code: string;
  /** GCJ-02. */
  readonly lon: number;
  readonly lat: number;
}

/** An enterprise with metered energy carriers. */
export interface EnterpriseShape extends SiteShape {
  readonly industry: Industry;
  /** Annual energy use, tonnes of standard coal equivalent. */
  readonly annual_tce: number;
  /** 1, 2 or 3 shifts. */
  readonly shifts: number;
  /** Carriers it meters (electricity always). */
  readonly carriers: readonly Carrier[];
  /** "key" (重点用能单位), "above" (规上) or "other". */
  readonly scale?: string;
}

/** A video camera; road, intersection, highway and scenic cameras can count traffic. */
export interface CameraShape extends SiteShape {
  readonly kind?: string;
  readonly road_id?: string | null;
}

/** A septic-tank monitor. */
export interface SepticTankShape extends SiteShape {
  readonly volume_m3?: number;
}

/** An eco-environment station: "urban", "town", "industrial" or "background". */
export interface EcoStationShape extends SiteShape {
  readonly kind?: string;
}

/** A road: "expressway", "national", "urban" or "county". */
export interface RoadShape {
  readonly id: string;
  readonly kind: string;
  /** Polyline, [lon, lat] GCJ-02; used to find the road nearest a camera without one. */
  readonly coordinates?: readonly (readonly [number, number])[];
}

/** The site lists every generator reads (the reference data's `generateSites` result fits). */
export interface GeneratorSites {
  readonly enterprises: readonly EnterpriseShape[];
  readonly cameras: readonly CameraShape[];
  readonly septicTanks: readonly SepticTankShape[];
  readonly ecoStations: readonly EcoStationShape[];
  readonly roads?: readonly RoadShape[];
}
