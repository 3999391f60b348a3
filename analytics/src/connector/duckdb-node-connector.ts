import type { DuckDBInstance, DuckDBValue } from "@duckdb/node-api";
import { fieldTypeFromDuckDb, type FieldTypes } from "../query/field-type.ts";
import { normalizeCell } from "../query/normalize-cell.ts";
import type { QueryConnector, Row } from "../query/query-connector.ts";
import { quoteIdentifier } from "../query/identifier.ts";

/** Thrown when a query ran past its time limit or was cancelled by its caller. */
export class QueryCancelledError extends Error {
  constructor(
    readonly reason: "timeout" | "aborted",
    limitMs?: number,
  ) {
    super(
      reason === "timeout"
        ? `query ran past its ${limitMs} ms limit and was cancelled`
        : "query cancelled by the client",
    );
    this.name = "QueryCancelledError";
  }
}

/** Options of {@link DuckDBNodeConnector}. */
export interface DuckDBNodeConnectorOptions {
  /** Time limit per query in ms (default 10 s). */
  readonly timeoutMs?: number;
}

/**
 * The native-DuckDB {@link QueryConnector}: every query on its own connection to the store's
 * instance (so reads never wait behind ingest), interrupted on timeout or abort.
 */
export class DuckDBNodeConnector implements QueryConnector {
  constructor(
    readonly instance: DuckDBInstance,
    readonly options: DuckDBNodeConnectorOptions = {},
  ) {}

  async query(sql: string, params: readonly unknown[], signal?: AbortSignal): Promise<Row[]> {
    const conn = await this.instance.connect();
    const limit = this.options.timeoutMs ?? 10_000;
    let cancelled: QueryCancelledError | undefined;
    const cancel = (reason: "timeout" | "aborted") => {
      cancelled = new QueryCancelledError(reason, limit);
      conn.interrupt();
    };
    const timer = setTimeout(() => cancel("timeout"), limit);
    const onAbort = () => cancel("aborted");
    signal?.addEventListener("abort", onAbort);
    try {
      if (signal?.aborted) throw new QueryCancelledError("aborted");
      const reader = await conn.runAndReadAll(sql, params as DuckDBValue[]);
      const kinds = reader.columnTypes().map((t) => fieldTypeFromDuckDb(String(t)));
      const names = reader.columnNames();
      return reader.getRowsJS().map((values) => {
        const row: Row = {};
        names.forEach((name, i) => (row[name] = normalizeCell(values[i], kinds[i] ?? "other")));
        return row;
      });
    } catch (e) {
      throw cancelled ?? e;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      conn.closeSync();
    }
  }

  /** The columns of a table or view and their {@link FieldTypes}. */
  async describe(table: string): Promise<FieldTypes> {
    const rows = await this.query(`DESCRIBE ${quoteIdentifier(table)}`, []);
    return Object.fromEntries(
      rows.map((r) => [String(r.column_name), fieldTypeFromDuckDb(String(r.column_type))]),
    );
  }
}
