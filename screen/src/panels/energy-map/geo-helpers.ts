import type { MultiPolygon, Polygon, Position } from "geojson";

/** `[[minLon, minLat], [maxLon, maxLat]]` of polygon geometries. */
export function geoBounds(
  geometries: readonly (Polygon | MultiPolygon)[],
): [[number, number], [number, number]] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const g of geometries) {
    for (const ring of outerRings(g)) {
      for (const [x = 0, y = 0] of ring) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  return [
    [minX, minY],
    [maxX, maxY],
  ];
}

/** Outer rings of a Polygon or MultiPolygon. */
export function outerRings(g: Polygon | MultiPolygon): Position[][] {
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  return polygons.map((p) => p[0] ?? []);
}

function ringAreaCentroid(ring: Position[]): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0 = 0, y0 = 0] = ring[i] as Position;
    const [x1 = 0, y1 = 0] = ring[i + 1] as Position;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) {
    const [x = 0, y = 0] = ring[0] ?? [];
    return { area: 0, x, y };
  }
  return { area: Math.abs(a / 2), x: cx / (3 * a), y: cy / (3 * a) };
}

/**
 * Where to put a cell's label: the area centroid of its largest outer ring (planar lon/lat is
 * fine at a district's size).
 *
 * @example labelPoint({ type: "Polygon", coordinates: [[[0,0],[2,0],[2,2],[0,2],[0,0]]] }) // => [1, 1]
 */
export function labelPoint(g: Polygon | MultiPolygon): [number, number] {
  let best = { area: -1, x: 0, y: 0 };
  for (const ring of outerRings(g)) {
    const c = ringAreaCentroid(ring);
    if (c.area > best.area) best = c;
  }
  return [best.x, best.y];
}

/** A short label: the name without its 街道 / 镇 suffix (桂林街道 → 桂林), as city maps write it. */
export function shortTownName(name: string): string {
  const short = name.replace(/(街道|镇|乡)$/, "");
  return short.length >= 2 ? short : name;
}
