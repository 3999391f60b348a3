/** A point in image pixels (y grows downwards). */
export interface Point {
  x: number;
  y: number;
}

/**
 * Signed distance of `p` from the infinite line through `a` and `b`. Positive means `p` is on
 * the right of the direction a → b as seen on screen (image y grows downwards).
 */
export function signedDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return 0;
  return (dx * (p.y - a.y) - dy * (p.x - a.x)) / length;
}

/** True when segments p0–p1 and a–b cross or touch. */
export function segmentsIntersect(p0: Point, p1: Point, a: Point, b: Point): boolean {
  const d1 = signedDistance(a, p0, p1);
  const d2 = signedDistance(b, p0, p1);
  const d3 = signedDistance(p0, a, b);
  const d4 = signedDistance(p1, a, b);
  return d1 * d2 <= 0 && d3 * d4 <= 0 && !(d1 === 0 && d2 === 0);
}

/** Even-odd point-in-polygon test; points on an edge may fall either way. */
export function pointInPolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (!a || !b) continue;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
