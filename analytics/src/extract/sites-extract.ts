import type { ExtractDef } from "./extract-defs.ts";

/**
 * The reference sites (enterprises, cameras, septic monitors, air stations) with coordinates:
 * the map's markers, and names to join onto the drill-down extracts in DuckDB-WASM. Reads only
 * the `sites` table, so a stream's ingest never republishes it.
 */
export const sitesExtract: ExtractDef = {
  name: "site_locations",
  title: { zh: "监测点位", en: "Monitored sites" },
  streams: [],
  sql: `SELECT id, kind, name, town_code, lon, lat, category, road_id FROM sites ORDER BY kind, id`,
};
