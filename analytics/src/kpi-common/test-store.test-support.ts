import type { StreamName } from "@citybrain/datasets";
import { DuckDBStore } from "../store/duckdb-store.ts";
import type { SqlQuery } from "./sql-query.ts";

/** Opens an in-memory store holding `rows` of one stream (tests only). */
export async function storeWith(stream: StreamName, rows: readonly unknown[]): Promise<DuckDBStore> {
  const store = await DuckDBStore.open({ path: ":memory:", threads: 1 });
  if (rows.length > 0) await store.ingest(stream, rows, { batchId: `fixture-${stream}` });
  return store;
}

/** Runs a built query. */
export function run(store: DuckDBStore, q: SqlQuery): Promise<Record<string, unknown>[]> {
  return store.query(q.sql, q.params);
}
