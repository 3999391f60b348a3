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

/** One load of an extract: its manifest entry, now a DuckDB table, and its column types. */
export interface LoadedExtract {
  manifest: ExtractManifest;
  extract: ExtractInfo;
  fields: FieldTypes;
}

/** Fetch and check the manifest. */
export async function loadManifest(): Promise<ExtractManifest> {
  return parseManifest(await fetchJson(API.manifest));
}

/** Fetch and check the map's reference geometry (district outline and town cells). */
export async function loadReference(): Promise<ReferenceGeo> {
  const [outline, towns] = await Promise.all([fetchJson(API.outline), fetchJson(API.towns)]);
  return parseReferenceGeo(outline, towns);
}

/**
 * Fetch extract `name` of `manifest`, load its Arrow IPC bytes into DuckDB-WASM, and describe
 * its columns.
 *
 * @throws Error naming what is missing, e.g. `manifest v3 lists no extract "energy_daily_town" (it has: air_hourly)`.
 */
export async function loadExtract(
  manifest: ExtractManifest,
  name: string,
  db: Promise<WasmDatabase>,
): Promise<LoadedExtract> {
  const extract = manifest.extracts.find((e) => e.name === name);
  if (!extract) {
    const has = manifest.extracts.map((e) => e.name).join(", ") || "none";
    throw new Error(`manifest v${manifest.version} lists no extract "${name}" (it has: ${has})`);
  }
  const [bytes, database] = await Promise.all([fetchBytes(extract.url), db]);
  performance.mark("citybrain:extract-fetched");
  await database.loadArrowStream(extract.name, bytes);
  performance.mark("citybrain:extract-loaded");
  return { manifest, extract, fields: await database.describe(extract.name) };
}
