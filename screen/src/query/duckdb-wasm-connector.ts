import * as duckdb from "@duckdb/duckdb-wasm";
import wasmUrl from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import workerUrl from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import { fieldTypeFromDuckDb, quoteIdentifier } from "@citybrain/analytics/browser";
import type { FieldTypes, QueryConnector, Row } from "@citybrain/analytics/browser";
import { arrowRows } from "./arrow-rows.ts";

/** DuckDB-WASM running in its own Web Worker, plus what the screen needs around it. */
export interface WasmDatabase extends QueryConnector {
  /** Replace table `name` with the rows of an Arrow IPC stream (bytes, never Table objects). */
  loadArrowStream(name: string, bytes: Uint8Array): Promise<void>;
  /** Column types of a table, for {@link buildSql}'s `fields`. */
  describe(name: string): Promise<FieldTypes>;
  /** DuckDB version string, e.g. `v1.4.1`. */
  version: string;
  close(): Promise<void>;
}

/**
 * Start DuckDB-WASM (the `eh` build only) in a Web Worker, with extension auto-install and
 * auto-load off: the wall is offline and an extension download would hang or crash it.
 * Start it once and keep it (~1 s).
 */
export async function startDuckDbWasm(): Promise<WasmDatabase> {
  const worker = new Worker(workerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(wasmUrl);
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  await conn.query("SET autoinstall_known_extensions = false");
  await conn.query("SET autoload_known_extensions = false");
  const version = await db.getVersion();

  const query = async (sql: string, params: readonly unknown[]): Promise<Row[]> => {
    const stmt = await conn.prepare(sql);
    try {
      return arrowRows(await stmt.query(...params));
    } finally {
      await stmt.close();
    }
  };

  return {
    version,
    query,
    async loadArrowStream(name, bytes) {
      await conn.query(`DROP TABLE IF EXISTS ${quoteIdentifier(name, "table")}`);
      await conn.insertArrowFromIPCStream(bytes, { name, create: true });
    },
    async describe(name) {
      const rows = await query(`DESCRIBE ${quoteIdentifier(name, "table")}`, []);
      return Object.fromEntries(
        rows.map((r) => [String(r.column_name), fieldTypeFromDuckDb(String(r.column_type))]),
      );
    },
    async close() {
      await conn.close();
      await db.terminate();
    },
  };
}
