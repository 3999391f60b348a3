import type { RowError, StreamName } from "@citybrain/datasets";
import type { Table } from "apache-arrow";

/** What to do with a batch that has bad rows. */
export type BadRowPolicy = "reject" | "quarantine";

/** Options of one ingest call. */
export interface IngestOptions {
  /** Unique id of the batch: replaying the same id is a no-op. */
  readonly batchId: string;
  /** `reject` (default): any bad row rejects the whole batch. `quarantine`: bad rows are kept aside. */
  readonly onBadRows?: BadRowPolicy;
}

/** Outcome of one ingest call. */
export interface IngestResult {
  readonly stream: StreamName;
  readonly batchId: string;
  /** True when the batch id had been ingested before; nothing was written this time. */
  readonly replayed: boolean;
  readonly accepted: number;
  readonly rejected: number;
  readonly policy: BadRowPolicy;
  readonly errors: readonly RowError[];
  /** Epoch ms range of the accepted rows' time field, for incremental refresh. */
  readonly timeRange: readonly [number, number] | null;
}

/** A value bound to a `?` placeholder. */
export type SqlParam = string | number | boolean | null;

/**
 * The analytics store: an embedded DuckDB today; a partitioned-Parquet store can sit behind the
 * same interface later (DESIGN.md, "Where users outgrow one machine").
 */
export interface Store {
  /** Applies pending schema migrations; safe to call on every start. */
  migrate(): Promise<void>;
  /** Validates and writes raw records (objects from NDJSON/CSV/Arrow) in one transaction. */
  ingest(stream: StreamName, records: readonly unknown[], options: IngestOptions): Promise<IngestResult>;
  /** Ingests Arrow IPC (or a decoded table) column by column; same rules and errors as `ingest`. */
  ingestArrow(stream: StreamName, bytes: Uint8Array | Table, options: IngestOptions): Promise<IngestResult>;
  /** Ingests a CSV, NDJSON or Parquet file, validated in SQL (fast path for large batches). */
  ingestFile(
    stream: StreamName,
    file: string,
    format: "csv" | "ndjson" | "parquet",
    options: IngestOptions,
  ): Promise<IngestResult>;
  /** Bulk-loads Parquet files of a stream (trusted generator output) in one transaction, keyed by batch id. */
  loadParquet(stream: StreamName, files: readonly string[], options: IngestOptions): Promise<IngestResult>;
  /** Runs a read query with positional parameters; rows as plain objects. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Record<string, unknown>[]>;
  /** Runs a read query and returns an Arrow table. */
  queryArrow(sql: string, params?: readonly SqlParam[]): Promise<Table>;
  /** Row count of a stream. */
  count(stream: StreamName): Promise<number>;
  close(): Promise<void>;
}
