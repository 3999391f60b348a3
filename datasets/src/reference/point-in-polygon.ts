import type { MultiPolygon, Polygon, Position } from "geojson";
import { polygonsOf } from "./polygons-of.ts";

/** Even-odd ray test of one ring (closed or not). Points exactly on an edge may go either way. */
export function pointInRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether a lon/lat point lies inside a GeoJSON Polygon or MultiPolygon (holes excluded).
 *
 * @example
 * pointInPolygon([105.84, 30.19], tongnanOutline().geometry); // true
 */
export function pointInPolygon(point: readonly [number, number], geometry: Polygon | MultiPolygon): boolean {
  const [lon, lat] = point;
  const polygons = polygonsOf(geometry);
  for (const rings of polygons) {
    const [outer, ...holes] = rings;
    if (!outer || !pointInRing(lon, lat, outer)) continue;
    if (!holes.some((hole) => pointInRing(lon, lat, hole))) return true;
  }
  return false;
}

/**
 * A fast, reusable point-in-geometry test for valid (non-overlapping) geometries, such as the
 * district outline: edges are bucketed into horizontal bands so each call tests only the few
 * edges crossing the point's band (even-odd over all rings, so holes work).
 */
export function createPointTester(
  geometry: Polygon | MultiPolygon,
  bands = 256,
): (lon: number, lat: number) => boolean {
  const rings = polygonsOf(geometry).flat();
  const all = rings.flat() as [number, number][];
  const minX = Math.min(...all.map((p) => p[0]));
  const maxX = Math.max(...all.map((p) => p[0]));
  const minY = Math.min(...all.map((p) => p[1]));
  const maxY = Math.max(...all.map((p) => p[1]));
  const height = (maxY - minY) / bands || 1;
  const band = (y: number) => Math.min(bands - 1, Math.max(0, Math.floor((y - minY) / height)));
  const buckets: number[][] = Array.from({ length: bands }, () => []);
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi === yj) continue; // horizontal edges never cross a horizontal ray
      for (let b = band(Math.min(yi, yj)); b <= band(Math.max(yi, yj)); b++) buckets[b]?.push(xi, yi, xj, yj);
    }
  }
  return (lon, lat) => {
    if (lon < minX || lon > maxX || lat < minY || lat > maxY) return false;
    const edges = buckets[band(lat)] ?? [];
    let inside = false;
    for (let k = 0; k < edges.length; k += 4) {
      const xi = edges[k] as number;
      const yi = edges[k + 1] as number;
      const xj = edges[k + 2] as number;
      const yj = edges[k + 3] as number;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}
