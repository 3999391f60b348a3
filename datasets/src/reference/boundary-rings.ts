import type { Position } from "geojson";
import { wgs84ToGcj02 } from "./gcj02.ts";

// Generous box around Tongnan (105.53–106.02 E, 29.79–30.44 N): catches projected metres, swapped
// lon/lat and files of another place, while tolerating sloppy edges.
const NEAR = { minLon: 105.3, maxLon: 106.3, minLat: 29.6, maxLat: 30.7 };

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Checks polygon rings (`[polygon][ring][position]`) are well formed lon/lat near Tongnan.
 * Returns the first problem as `coordinates[i][j][k]: what is wrong`, or undefined when fine.
 */
export function validateRings(polygons: unknown): string | undefined {
  if (!Array.isArray(polygons) || polygons.length === 0) return `coordinates: expected a non-empty array`;
  for (const [i, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return `coordinates[${i}]: expected an array of rings`;
    for (const [j, ring] of rings.entries()) {
      const at = `coordinates[${i}][${j}]`;
      if (!Array.isArray(ring) || ring.length < 4) {
        return `${at}: a ring needs at least 4 positions, got ${Array.isArray(ring) ? ring.length : describe(ring)}`;
      }
      for (const [k, p] of ring.entries()) {
        if (
          !Array.isArray(p) ||
          p.length < 2 ||
          !p.slice(0, 2).every((v) => typeof v === "number" && Number.isFinite(v))
        ) {
          return `${at}[${k}]: expected [lon, lat] numbers, got ${describe(p)}`;
        }
        const [lon, lat] = p as [number, number];
        if (lon < NEAR.minLon || lon > NEAR.maxLon || lat < NEAR.minLat || lat > NEAR.maxLat) {
          return `${at}[${k}]: [${lon}, ${lat}] is not near Tongnan (about 105.5–106.0 E, 29.8–30.4 N); expected lon/lat degrees, not projected metres or [lat, lon]`;
        }
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return `${at}: ring is not closed (first position ${describe(first)} ≠ last ${describe(last)})`;
      }
    }
  }
  return undefined;
}

/** Converts validated WGS-84 rings to GCJ-02. */
export function gcj02FromWgs84Rings(polygons: Position[][][]): Position[][][] {
  return polygons.map((rings) =>
    rings.map((ring) => ring.map(([lon, lat]) => wgs84ToGcj02(lon as number, lat as number))),
  );
}
