// Test support only (node): a QueryConnector over @duckdb/node-api with an in-memory database.
import { DuckDBInstance } from "@duckdb/node-api";
import { DuckDBNodeConnector } from "../connector/duckdb-node-connector.ts";
import type { FieldTypes } from "./field-type.ts";
import type { QueryConnector } from "./query-connector.ts";

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
  connection.closeSync();
  // The production connector: tests run the SQL exactly as the server does.
  const db = new DuckDBNodeConnector(instance);
  return {
    connector: { query: (sql, params) => db.query(sql, params) },
    describe: (table) => db.describe(table),
    close: () => instance.closeSync(),
  };
}
