import type { DuckDBStore } from "../store/duckdb-store.ts";

/** A town or street as the store's `towns` reference table holds it. */
export interface TownRow {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly lon: number;
  readonly lat: number;
}

/** Replaces the store's towns reference table (used to name towns in extracts). */
export async function loadTowns(store: DuckDBStore, towns: readonly TownRow[]): Promise<void> {
  await store.exec("DELETE FROM towns");
  for (const t of towns) {
    await store.exec("INSERT INTO towns VALUES (?, ?, ?, ?, ?)", [t.code, t.name, t.kind, t.lon, t.lat]);
  }
}
