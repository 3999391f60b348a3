import { DuckDBStore } from "../store/duckdb-store.ts";
import type { ExtractDef } from "./extract-defs.ts";
import { loadSites, type SitesInput } from "./sites-table.ts";

/** UTC ISO time of an Asia/Shanghai wall-clock time "2026-03-01T10:00". */
export const local = (t: string): string => new Date(`${t}:00+08:00`).toISOString();

/** Epoch ms of an Asia/Shanghai wall-clock time. */
export const localMs = (t: string): number => Date.parse(`${t}:00+08:00`);

/** An in-memory store holding the given rows per stream and sites (tests only). */
export async function fixtureStore(
  streams: Readonly<Partial<Record<Parameters<DuckDBStore["ingest"]>[0], readonly unknown[]>>>,
  sites: SitesInput = {},
): Promise<DuckDBStore> {
  const store = await DuckDBStore.open({ path: ":memory:", threads: 1 });
  for (const [stream, rows] of Object.entries(streams)) {
    if (rows && rows.length > 0)
      await store.ingest(stream as keyof typeof streams, rows, { batchId: `fixture-${stream}` });
  }
  await loadSites(store, sites);
  return store;
}

/** An extract's rows as plain objects (DATE → "YYYY-MM-DD", TIMESTAMP → epoch ms). */
export function rowsOf(store: DuckDBStore, def: ExtractDef): Promise<Record<string, unknown>[]> {
  return store.query(def.sql);
}

/** A located site for hand-made `sites`. */
export const site = (id: string, town: string, lon = 105.8, lat = 30.1) => ({
  id,
  name: `${id} 名称`,
  town_code: town,
  lon,
  lat,
});
