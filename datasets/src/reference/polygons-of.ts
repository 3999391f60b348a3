import type { MultiPolygon, Polygon, Position } from "geojson";

/** The polygons of a Polygon or MultiPolygon, as a list of ring lists. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}
