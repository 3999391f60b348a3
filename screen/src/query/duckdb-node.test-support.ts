// Test support only (node): a QueryConnector over an in-memory @duckdb/node-api database.
import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBValue } from "@duckdb/node-api";
import { fieldTypeFromDuckDb, normalizeCell } from "@citybrain/analytics/browser";
import type { FieldTypes, QueryConnector, Row } from "@citybrain/analytics/browser";

export interface NodeDb extends QueryConnector {
  describe(table: string): Promise<FieldTypes>;
  close(): void;
}

/** Open an in-memory DuckDB and run `setup` statements in order. */
export async function openNodeDb(setup: readonly string[]): Promise<NodeDb> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const sql of setup) await connection.run(sql);
  const query = async (sql: string, params: readonly unknown[]): Promise<Row[]> => {
    // Specs only produce string, number and boolean parameters, all valid DuckDBValues.
    const reader = await connection.runAndReadAll(sql, params as DuckDBValue[]);
    const kinds = reader.columnTypes().map((t) => fieldTypeFromDuckDb(String(t)));
    const names = reader.columnNames();
    return reader.getRowsJS().map((values) => {
      const row: Row = {};
      names.forEach((name, i) => (row[name] = normalizeCell(values[i], kinds[i] ?? "other")));
      return row;
    });
  };
  return {
    query,
    async describe(table) {
      const rows = await query(`DESCRIBE "${table}"`, []);
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

/** energy_daily_town, 6 rows: tce T1 3.5, T2 4.75 (total 8.25); electricity 7.5. */
export const ENERGY_SQL = [
  `CREATE TABLE energy_daily_town (day DATE, town_code VARCHAR, town_name VARCHAR, carrier VARCHAR, value DOUBLE, tce DOUBLE)`,
  `INSERT INTO energy_daily_town VALUES
    ('2024-01-01', 'T1', '梓潼街道', 'electricity', 1000, 1.5),
    ('2024-01-01', 'T1', '梓潼街道', 'water', 20, 0.25),
    ('2024-01-01', 'T2', '桂林街道', 'electricity', 2000, 3.0),
    ('2024-01-02', 'T1', '梓潼街道', 'electricity', 1200, 1.75),
    ('2024-01-02', 'T2', '桂林街道', 'gas', 500, 0.5),
    ('2024-01-02', 'T2', '桂林街道', 'electricity', 800, 1.25)`,
];
