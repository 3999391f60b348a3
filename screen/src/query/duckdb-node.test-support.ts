// Test support only (node): the production native-DuckDB QueryConnector over an in-memory
// database (analytics' own test database), shaped as the connector the coordinator takes.
import type { FieldTypes, QueryConnector } from "@citybrain/analytics/browser";
import { openTestDb } from "@citybrain/analytics/testing";

export interface NodeDb extends QueryConnector {
  describe(table: string): Promise<FieldTypes>;
  close(): void;
}

/** Open an in-memory DuckDB and run `setup` statements in order. */
export async function openNodeDb(setup: readonly string[]): Promise<NodeDb> {
  const db = await openTestDb(setup);
  return { query: db.connector.query, describe: db.describe, close: db.close };
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
