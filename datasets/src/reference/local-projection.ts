/**
 * A local equirectangular projection centred on Tongnan, in kilometres.
 *
 * Across the district (about 50 × 70 km) its distance error is well under 0.5 %, and because
 * it is affine, straight lines in lon/lat stay straight in km: Voronoi cells computed here and
 * mapped back are exact nearest-seat regions.
 */

/** A [longitude, latitude] pair in degrees (GCJ-02 unless a function says otherwise). */
export type LonLat = [number, number];

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;
const ORIGIN: LonLat = [105.8, 30.1];
const COS_LAT = Math.cos((ORIGIN[1] * Math.PI) / 180);

/** Projects lon/lat degrees to local km (x east, y north) around Tongnan. */
export function toLocalKm(lon: number, lat: number): [number, number] {
  return [(lon - ORIGIN[0]) * COS_LAT * KM_PER_DEGREE, (lat - ORIGIN[1]) * KM_PER_DEGREE];
}

/** Inverse of {@link toLocalKm}. */
export function fromLocalKm(x: number, y: number): LonLat {
  return [ORIGIN[0] + x / (COS_LAT * KM_PER_DEGREE), ORIGIN[1] + y / KM_PER_DEGREE];
}

/** Approximate ground distance in km between two lon/lat points near Tongnan. */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const [ax, ay] = toLocalKm(a[0], a[1]);
  const [bx, by] = toLocalKm(b[0], b[1]);
  return Math.hypot(ax - bx, ay - by);
}

/** Rounds a coordinate to 6 decimals (~0.1 m): compact, stable JSON. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
