import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";

/** Properties of a town cell in `/api/reference/towns.geojson`. */
export interface TownProperties {
  code: string;
  name: string;
  kind: string;
  approximate: boolean;
}

/** A town cell (GCJ-02 lon/lat). */
export type TownFeature = Feature<Polygon | MultiPolygon, TownProperties>;

/** The map's reference geometry. */
export interface ReferenceGeo {
  outline: Feature<Polygon | MultiPolygon>;
  towns: TownFeature[];
}

function isPolygonal(value: unknown): value is Polygon | MultiPolygon {
  const g = value as { type?: unknown; coordinates?: unknown } | null;
  return !!g && (g.type === "Polygon" || g.type === "MultiPolygon") && Array.isArray(g.coordinates);
}

/**
 * Check the outline Feature and the towns FeatureCollection.
 *
 * @throws Error naming the file and feature, e.g. `towns.geojson features[3]: properties.code must be a string`.
 */
export function parseReferenceGeo(outline: unknown, towns: unknown): ReferenceGeo {
  const o = outline as Feature | null;
  if (o?.type !== "Feature" || !isPolygonal(o.geometry)) {
    throw new Error("outline.geojson: expected a Feature with a Polygon or MultiPolygon geometry");
  }
  const fc = towns as FeatureCollection | null;
  if (fc?.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    throw new Error("towns.geojson: expected a FeatureCollection");
  }
  const cells = fc.features.map((f, i) => {
    const where = `towns.geojson features[${i}]`;
    if (!isPolygonal(f.geometry)) throw new Error(`${where}: geometry must be a Polygon or MultiPolygon`);
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (typeof p.code !== "string") throw new Error(`${where}: properties.code must be a string`);
    if (typeof p.name !== "string") throw new Error(`${where}: properties.name must be a string`);
    return f as TownFeature;
  });
  return { outline: o as Feature<Polygon | MultiPolygon>, towns: cells };
}
