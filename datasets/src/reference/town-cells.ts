import { Delaunay } from "d3-delaunay";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import polygonClipping from "polygon-clipping";
import { fromLocalKm, toLocalKm } from "./local-projection.ts";
import { polygonsOf } from "./polygons-of.ts";
import { outlineShared } from "./tongnan-outline.ts";
import { TOWNS, type Town } from "./towns.ts";

/** Properties of a town cell feature. */
export interface TownCellProperties {
  code: string;
  name: string;
  kind: "street" | "town";
  /** true for Voronoi cells of estimated seats; false for user-supplied boundaries. */
  approximate: boolean;
}

/** A FeatureCollection of town areas, one feature per town, in `TOWNS` order. */
export type TownCells = FeatureCollection<Polygon | MultiPolygon, TownCellProperties>;

/** Makes a Polygon when there is one part, a MultiPolygon otherwise. */
export function toGeometry(parts: polygonClipping.MultiPolygon): Polygon | MultiPolygon {
  return parts.length === 1
    ? { type: "Polygon", coordinates: parts[0] ?? [] }
    : { type: "MultiPolygon", coordinates: parts };
}

/**
 * Voronoi cells of the given towns' seats, clipped to an outline. Cells are computed in a local
 * km projection, so each cell is the area nearer (on the ground) to its seat than to any other.
 */
export function voronoiCells(towns: readonly Town[], outline: Polygon | MultiPolygon): TownCells {
  const points = towns.map((t) => toLocalKm(...t.seat));
  const corners = polygonsOf(outline)
    .flat(2)
    .map((p) => toLocalKm(p[0] as number, p[1] as number));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const pad = 10;
  const voronoi = Delaunay.from(points).voronoi([
    Math.min(...xs) - pad,
    Math.min(...ys) - pad,
    Math.max(...xs) + pad,
    Math.max(...ys) + pad,
  ]);
  const clip = polygonsOf(outline) as polygonClipping.MultiPolygon;
  const features = towns.map((town, i): Feature<Polygon | MultiPolygon, TownCellProperties> => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) throw new Error(`town ${town.code} ${town.name}: no Voronoi cell (duplicate seat?)`);
    const ring = cell.map(([x, y]) => fromLocalKm(x, y));
    const parts = polygonClipping.intersection([ring], clip);
    if (parts.length === 0)
      throw new Error(`town ${town.code} ${town.name}: seat cell lies outside the outline`);
    return {
      type: "Feature",
      id: town.code,
      properties: { code: town.code, name: town.name, kind: town.kind, approximate: true },
      geometry: toGeometry(parts),
    };
  });
  return { type: "FeatureCollection", features };
}

let cached: TownCells | undefined;

/**
 * Approximate town polygons: Voronoi cells of the estimated seats in `TOWNS`, clipped to the
 * real district outline, every feature marked `approximate: true`. Real town boundaries are not
 * available offline; pass your own to {@link townCellsFromGeoJSON} when you have them.
 * Returns a fresh copy on every call.
 */
export function townCells(): TownCells {
  cached ??= voronoiCells(TOWNS, outlineShared().geometry);
  return structuredClone(cached);
}
