import type { FieldTypes } from "@citybrain/analytics/browser";
import { fetchBytes, fetchJson } from "../data/fetch-data.ts";
import { parseManifest } from "../data/manifest.ts";
import type { ExtractInfo, ExtractManifest } from "../data/manifest.ts";
import { parseReferenceGeo } from "../data/reference-geo.ts";
import type { ReferenceGeo } from "../data/reference-geo.ts";
import type { WasmDatabase } from "../query/duckdb-wasm-connector.ts";

/** Where the server publishes what the wall reads. */
export const API = {
  manifest: "/api/manifest",
  outline: "/api/reference/outline.geojson",
  towns: "/api/reference/towns.geojson",
} as const;

/** One load of the wall's data: the manifest, the extract in DuckDB, the map's geometry. */
export interface LoadedData {
  manifest: ExtractManifest;
  extract: ExtractInfo;
  fields: FieldTypes;
  geo: ReferenceGeo;
}

/** Fetch and check the manifest. */
export async function loadManifest(): Promise<ExtractManifest> {
  return parseManifest(await fetchJson(API.manifest));
}

/**
 * Fetch extract `name` of `manifest` and the reference geometry in parallel, load the extract's
 * Arrow IPC bytes into DuckDB-WASM, and describe its columns.
 *
 * @throws Error naming what is missing, e.g. `manifest v3 lists no extract "energy_daily_town" (it has: air_hourly)`.
 */
export async function loadData(
  manifest: ExtractManifest,
  name: string,
  db: Promise<WasmDatabase>,
): Promise<LoadedData> {
  const extract = manifest.extracts.find((e) => e.name === name);
  if (!extract) {
    const has = manifest.extracts.map((e) => e.name).join(", ") || "none";
    throw new Error(`manifest v${manifest.version} lists no extract "${name}" (it has: ${has})`);
  }
  const [bytes, outline, towns, database] = await Promise.all([
    fetchBytes(extract.url),
    fetchJson(API.outline),
    fetchJson(API.towns),
    db,
  ]);
  await database.loadArrowStream(extract.name, bytes);
  const fields = await database.describe(extract.name);
  return { manifest, extract, fields, geo: parseReferenceGeo(outline, towns) };
}
