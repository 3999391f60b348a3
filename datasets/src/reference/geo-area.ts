import type { MultiPolygon, Polygon, Position } from "geojson";
import { polygonsOf } from "./polygons-of.ts";
import { EARTH_RADIUS_KM } from "./local-projection.ts";

const RAD = Math.PI / 180;

/**
 * Area of one ring on the sphere in km², whatever its winding (the line-integral formula of
 * Chamberlain & Duquette, "Some algorithms for polygons on a sphere", 2007).
 */
export function ringAreaKm2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    sum += (x2 - x1) * RAD * (2 + Math.sin(y1 * RAD) + Math.sin(y2 * RAD));
  }
  return Math.abs((sum * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / 2);
}

/**
 * Area of a Polygon or MultiPolygon in km²: outer rings minus holes. Winding-independent, so
 * it works for RFC 7946 (counter-clockwise) and d3 (clockwise) rings alike.
 */
export function geometryAreaKm2(geometry: Polygon | MultiPolygon): number {
  const polygons = polygonsOf(geometry);
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, k) => {
      total += k === 0 ? ringAreaKm2(ring) : -ringAreaKm2(ring);
    });
  }
  return total;
}
