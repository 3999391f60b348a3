// Test support only (node): a QueryConnector over @duckdb/node-api with an in-memory database.
import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBValue } from "@duckdb/node-api";
import { fieldTypeFromDuckDb } from "./field-type.ts";
import type { FieldTypes } from "./field-type.ts";
import { normalizeCell } from "./normalize-cell.ts";
import type { QueryConnector, Row } from "./query-connector.ts";

export interface NodeTestDb {
  connector: QueryConnector;
  /** DESCRIBE a table as FieldTypes. */
  describe(table: string): Promise<FieldTypes>;
  close(): void;
}

/** Open an in-memory DuckDB and run `setup` statements in order. */
export async function openTestDb(setup: readonly string[]): Promise<NodeTestDb> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const sql of setup) await connection.run(sql);
  const connector: QueryConnector = {
    async query(sql, params) {
      const reader = await connection.runAndReadAll(sql, params as DuckDBValue[]); // specs only produce strings, numbers, booleans;
      const kinds = reader.columnTypes().map((t) => fieldTypeFromDuckDb(String(t)));
      const names = reader.columnNames();
      return reader.getRowsJS().map((values) => {
        const row: Row = {};
        names.forEach((name, i) => (row[name] = normalizeCell(values[i], kinds[i] ?? "other")));
        return row;
      });
    },
  };
  return {
    connector,
    async describe(table) {
      const rows = await connector.query(`DESCRIBE "${table}"`, []);
      return Object.fromEntries(
        rows.map((r) => [String(r.column_name), fieldTypeFromDuckDb(String(r.column_type))]),
      );
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
