import { STREAM_NAMES, duckdbCreateTable, streamDef } from "@citybrain/datasets";

/** One schema migration: applied once, in order, recorded in `schema_migrations`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: readonly string[];
}

/** The store's migrations. Append only: never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "streams and ingest bookkeeping",
    sql: [
      ...STREAM_NAMES.map((name) => duckdbCreateTable(streamDef(name))),
      `CREATE TABLE IF NOT EXISTS ingest_batches (
        batch_id VARCHAR PRIMARY KEY, stream VARCHAR NOT NULL, accepted BIGINT NOT NULL,
        rejected BIGINT NOT NULL, min_ts TIMESTAMP, max_ts TIMESTAMP, ingested_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS quarantine (
        batch_id VARCHAR NOT NULL, stream VARCHAR NOT NULL, row_number BIGINT NOT NULL,
        record JSON, errors JSON NOT NULL, received_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS towns (
        code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, lon DOUBLE, lat DOUBLE)`,
    ],
  },
];
