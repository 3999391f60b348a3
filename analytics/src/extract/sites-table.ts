import type { Store } from "../store/store.ts";

/** Kinds of site in the `sites` reference table. */
export const SITE_KINDS = ["enterprise", "camera", "septic", "air_station"] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** One row of the `sites` table. */
export interface SiteRow {
  readonly id: string;
  readonly kind: SiteKind;
  readonly name: string;
  readonly town_code: string | null;
  /** GCJ-02. */
  readonly lon: number | null;
  readonly lat: number | null;
  /** Industry of an enterprise, kind of a camera or air station. */
  readonly category: string | null;
  /** Road a camera watches. */
  readonly road_id: string | null;
}

interface Located {
  readonly id: string;
  readonly name: string;
  readonly town_code: string;
  readonly lon: number;
  readonly lat: number;
}

/**
 * The reference sites as `generateSites` (@citybrain/datasets/reference) returns them; any
 * object of this shape works, so tests can pass a handful of hand-made sites.
 */
export interface SitesInput {
  readonly enterprises?: readonly (Located & { readonly industry: string })[];
  readonly cameras?: readonly (Located & { readonly kind: string; readonly road_id: string | null })[];
  readonly septicTanks?: readonly Located[];
  readonly ecoStations?: readonly (Located & { readonly kind: string })[];
}

/** `CREATE TABLE IF NOT EXISTS sites`: the extracts join it for names and coordinates. */
export const SITES_TABLE_SQL = `CREATE TABLE IF NOT EXISTS sites (
  id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, name VARCHAR NOT NULL, town_code VARCHAR,
  lon DOUBLE, lat DOUBLE, category VARCHAR, road_id VARCHAR)`;

/** Flattens the reference sites into `sites` rows (enterprises, cameras, septic monitors, air stations). */
export function siteRows(sites: SitesInput): SiteRow[] {
  const row = (s: Located, kind: SiteKind, category: string | null, road: string | null = null) => ({
    id: s.id,
    kind,
    name: s.name,
    town_code: s.town_code,
    lon: s.lon,
    lat: s.lat,
    category,
    road_id: road,
  });
  return [
    ...(sites.enterprises ?? []).map((s) => row(s, "enterprise", s.industry)),
    ...(sites.cameras ?? []).map((s) => row(s, "camera", s.kind, s.road_id)),
    ...(sites.septicTanks ?? []).map((s) => row(s, "septic", null)),
    ...(sites.ecoStations ?? []).map((s) => row(s, "air_station", s.kind)),
  ];
}

const COLUMNS = ["id", "kind", "name", "town_code", "lon", "lat", "category", "road_id"] as const;
const JSON_SHAPE = `[{${COLUMNS.map((c) => `"${c}":"${c === "lon" || c === "lat" ? "DOUBLE" : "VARCHAR"}"`).join(",")}}]`;

/**
 * Creates the `sites` table if needed and makes its rows exactly `sites`: upserts by id, then
 * deletes ids no longer listed (each step is one statement, so readers never see it empty).
 * The server bootstrap calls it with `generateSites({ seed })` before publishing extracts;
 * after changing sites, publish without `changedStreams` so every extract sees them.
 * @throws Error naming a duplicate id.
 * @example await loadSites(store, generateSites({ seed: 42 }));
 */
export async function loadSites(store: Store, sites: SitesInput): Promise<number> {
  const rows = siteRows(sites);
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    if (seen.has(r.id)) throw new Error(`loadSites: site ${i + 1} repeats id "${r.id}"; ids must be unique`);
    seen.add(r.id);
  }
  await store.query(SITES_TABLE_SQL);
  // One JSON parameter instead of thousands of placeholders: 13k sites load in one statement.
  await store.query(
    `INSERT OR REPLACE INTO sites SELECT ${COLUMNS.join(", ")} FROM (SELECT unnest(from_json(?::JSON, '${JSON_SHAPE}'), recursive := true))`,
    [JSON.stringify(rows)],
  );
  await store.query(`DELETE FROM sites WHERE id NOT IN (SELECT unnest(from_json(?::JSON, '["VARCHAR"]')))`, [
    JSON.stringify([...seen]),
  ]);
  return rows.length;
}
