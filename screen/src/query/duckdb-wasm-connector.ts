import * as duckdb from "@duckdb/duckdb-wasm";
import wasmUrl from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import workerUrl from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import { fieldTypeFromDuckDb, normalizeCell, quoteIdentifier } from "@citybrain/analytics/browser";
import type { FieldType, FieldTypes, QueryConnector, Row } from "@citybrain/analytics/browser";

// Arrow's Type ids come from the Arrow format spec, so they match duckdb-wasm's own arrow copy.
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

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

function kindOf(typeId: number): FieldType {
  if (typeId === ARROW_DATE) return "date";
  if (typeId === ARROW_TIMESTAMP) return "timestamp";
  return "other";
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
      const table = await stmt.query(...params);
      const columns = table.schema.fields.map((f, i) => ({
        name: f.name,
        kind: kindOf(f.type.typeId),
        vector: table.getChildAt(i),
      }));
      const rows: Row[] = [];
      for (let r = 0; r < table.numRows; r++) {
        const row: Row = {};
        for (const c of columns) row[c.name] = normalizeCell(c.vector?.get(r), c.kind);
        rows.push(row);
      }
      return rows;
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
