import { fromLocalKm, toLocalKm, type LonLat } from "../local-projection.ts";

/** Length of a lon/lat polyline in km. */
export function polylineLengthKm(coords: readonly LonLat[]): number {
  let total = 0;
  for (let i = 1; i < coords.length; i++) {
    const [ax, ay] = toLocalKm(...(coords[i - 1] as LonLat));
    const [bx, by] = toLocalKm(...(coords[i] as LonLat));
    total += Math.hypot(bx - ax, by - ay);
  }
  return total;
}

/** A point on a polyline, `km` from its start, moved `offsetKm` to the left (negative: right). */
export function pointAlong(coords: readonly LonLat[], km: number, offsetKm = 0): LonLat {
  let left = Math.max(0, km);
  for (let i = 1; i < coords.length; i++) {
    const [ax, ay] = toLocalKm(...(coords[i - 1] as LonLat));
    const [bx, by] = toLocalKm(...(coords[i] as LonLat));
    const len = Math.hypot(bx - ax, by - ay);
    if (left <= len || i === coords.length - 1) {
      const t = len === 0 ? 0 : Math.min(1, left / len);
      const nx = len === 0 ? 0 : -(by - ay) / len;
      const ny = len === 0 ? 0 : (bx - ax) / len;
      return fromLocalKm(ax + (bx - ax) * t + nx * offsetKm, ay + (by - ay) * t + ny * offsetKm);
    }
    left -= len;
  }
  return coords[0] ?? [0, 0];
}

/** Points every `stepKm` along a polyline (ends included). */
export function densify(coords: readonly LonLat[], stepKm: number): LonLat[] {
  const length = polylineLengthKm(coords);
  const n = Math.max(1, Math.round(length / stepKm));
  return Array.from({ length: n + 1 }, (_, i) => pointAlong(coords, (length * i) / n));
}

/** Where two segments cross (lon/lat), or undefined. Fine for short segments at this latitude. */
export function segmentIntersection(a1: LonLat, a2: LonLat, b1: LonLat, b2: LonLat): LonLat | undefined {
  const d = (a2[0] - a1[0]) * (b2[1] - b1[1]) - (a2[1] - a1[1]) * (b2[0] - b1[0]);
  if (d === 0) return undefined;
  const t = ((b1[0] - a1[0]) * (b2[1] - b1[1]) - (b1[1] - a1[1]) * (b2[0] - b1[0])) / d;
  const u = ((b1[0] - a1[0]) * (a2[1] - a1[1]) - (b1[1] - a1[1]) * (a2[0] - a1[0])) / d;
  if (t < 0 || t > 1 || u < 0 || u > 1) return undefined;
  return [a1[0] + t * (a2[0] - a1[0]), a1[1] + t * (a2[1] - a1[1])];
}
