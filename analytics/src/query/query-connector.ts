/**
 * A cell as every {@link QueryConnector} returns it, whatever the engine: integers and
 * decimals as `number`, DATE as `YYYY-MM-DD`, TIMESTAMP as `YYYY-MM-DD HH:MM:SS` (naive, as
 * DuckDB prints it), text as `string`, SQL NULL as `null`.
 */
export type Cell = string | number | boolean | null;

/** One result row, keyed by output column name. */
export type Row = Record<string, Cell>;

/**
 * Runs parameterised SQL (`?` placeholders) against one DuckDB engine. Implementations:
 * DuckDB-WASM in the screen, `@duckdb/node-api` on the server and in tests.
 */
export interface QueryConnector {
  /** Run `sql` with positional `params`; resolves to plain rows (see {@link Cell}). */
  query(sql: string, params: readonly unknown[]): Promise<Row[]>;
}
