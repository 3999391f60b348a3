import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { gcj02FromWgs84Rings, validateRings } from "./boundary-rings.ts";
import type { TownCellProperties, TownCells } from "./town-cells.ts";
import { TOWNS, type Town } from "./towns.ts";

/** Options for {@link townCellsFromGeoJSON}. */
export interface TownCellsFromGeoJSONOptions {
  /**
   * Datum of the input coordinates. `"gcj02"` (default) for AMap/Tencent/ECharts data;
   * `"wgs84"` for GPS, OpenStreetMap and most GIS exports — converted to GCJ-02.
   */
  crs?: "gcj02" | "wgs84";
  /** Accept a collection that lacks some towns (default false: all 23 are required). */
  allowMissing?: boolean;
}

const CODE_KEYS = ["code", "adcode", "town_code", "TOWN_CODE", "CODE"];
const NAME_KEYS = ["name", "town_name", "NAME", "TOWN_NAME"];

function firstOf(props: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const v = props[key];
    if (typeof v === "string" && v.trim() !== "") return v.trim();
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** Finds the town a feature means, by code (9 or 12 digits) or by name (full or short). */
function matchTown(props: Record<string, unknown>, id: unknown): { town?: Town; problem?: string } {
  const code =
    firstOf(props, CODE_KEYS) ?? (typeof id === "string" || typeof id === "number" ? String(id) : undefined);
  const name = firstOf(props, NAME_KEYS);
  const nineDigits = code && /^\d{12}$/.test(code) && code.endsWith("000") ? code.slice(0, 9) : code;
  const byCode = nineDigits ? TOWNS.find((t) => t.code === nineDigits) : undefined;
  const byName = name
    ? TOWNS.find((t) => t.name === name || t.name.replace(/(镇|街道)$/, "") === name)
    : undefined;
  if (byCode && byName && byCode !== byName) {
    return { problem: `code "${code}" is ${byCode.name} but name "${name}" is ${byName.name}` };
  }
  const town = byCode ?? byName;
  if (town) return { town };
  if (!code && !name)
    return { problem: `no code or name property (looked for ${[...CODE_KEYS, ...NAME_KEYS].join(", ")})` };
  const tried = [code && `code "${code}"`, name && `name "${name}"`].filter(Boolean).join(" or ");
  return { problem: `no Tongnan town has ${tried}` };
}

/**
 * Builds town cells from a user-supplied boundary FeatureCollection (e.g. official township
 * boundaries), matched to `TOWNS` by code or name, validated, and marked `approximate: false`.
 * Throws one Error listing every problem found, each naming the feature index.
 *
 * @example
 * const cells = townCellsFromGeoJSON(JSON.parse(readFileSync("towns.geojson", "utf8")), { crs: "wgs84" });
 */
export function townCellsFromGeoJSON(json: unknown, options: TownCellsFromGeoJSONOptions = {}): TownCells {
  const fc = json as { type?: unknown; features?: unknown };
  if (
    typeof json !== "object" ||
    json === null ||
    fc.type !== "FeatureCollection" ||
    !Array.isArray(fc.features)
  ) {
    throw new Error(`town boundaries: expected a GeoJSON FeatureCollection with a features array`);
  }
  const problems: string[] = [];
  const found = new Map<string, { index: number; geometry: Polygon | MultiPolygon }>();
  fc.features.forEach((raw: unknown, index) => {
    const at = `feature ${index}`;
    const f = raw as Partial<Feature> | null;
    if (typeof f !== "object" || f === null || f.type !== "Feature")
      return problems.push(`${at}: not a GeoJSON Feature`);
    const props = (typeof f.properties === "object" && f.properties !== null ? f.properties : {}) as Record<
      string,
      unknown
    >;
    const { town, problem } = matchTown(props, f.id);
    const label = town ? `${at} (${town.name})` : at;
    if (!town) return problems.push(`${at}: ${problem}`);
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
      return problems.push(
        `${label}: geometry must be Polygon or MultiPolygon, got ${g ? String(g.type) : "none"}`,
      );
    }
    const polygons = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as unknown;
    const ringProblem = validateRings(polygons);
    if (ringProblem) return problems.push(`${label}, geometry.${ringProblem}`);
    const earlier = found.get(town.code);
    if (earlier)
      return problems.push(`${label}: duplicate; feature ${earlier.index} is already ${town.name}`);
    let coordinates = polygons as Position[][][];
    if (options.crs === "wgs84") coordinates = gcj02FromWgs84Rings(coordinates);
    const geometry: Polygon | MultiPolygon =
      g.type === "Polygon"
        ? { type: "Polygon", coordinates: coordinates[0] ?? [] }
        : { type: "MultiPolygon", coordinates };
    found.set(town.code, { index, geometry });
    return undefined;
  });
  const missing = TOWNS.filter((t) => !found.has(t.code));
  if (missing.length > 0 && !options.allowMissing) {
    problems.push(
      `no feature for ${missing.map((t) => `${t.name} (${t.code})`).join(", ")}; pass { allowMissing: true } to accept a partial set`,
    );
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join("\n  ");
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : "";
    throw new Error(`town boundaries: ${problems.length} problem(s):\n  ${shown}${more}`);
  }
  const features = TOWNS.flatMap((town): Feature<Polygon | MultiPolygon, TownCellProperties>[] => {
    const hit = found.get(town.code);
    if (!hit) return [];
    const properties = { code: town.code, name: town.name, kind: town.kind, approximate: false };
    return [{ type: "Feature", id: town.code, properties, geometry: hit.geometry }];
  });
  return { type: "FeatureCollection", features };
}
