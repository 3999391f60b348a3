import { STREAM_NAMES, duckdbCreateTable, quoteIdent, streamDef } from "@citybrain/datasets";

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
  {
    version: 2,
    name: "stream tables without a primary-key index (the store keeps natural keys unique)",
    // The ART index behind PRIMARY KEY cost more than the insert itself on bulk ingest (and
    // memory per row at the full preset); upsertRows already guarantees one row per key.
    sql: STREAM_NAMES.flatMap((name) => {
      const def = streamDef(name);
      const t = quoteIdent(name);
      const tmp = quoteIdent(`${name}__v2`);
      return [
        duckdbCreateTable(def, `${name}__v2`, { primaryKey: false }),
        `INSERT INTO ${tmp} SELECT * FROM ${t} ORDER BY ${quoteIdent(def.timeField)}`,
        `DROP TABLE ${t}`,
        `ALTER TABLE ${tmp} RENAME TO ${t}`,
      ];
    }),
  },
];
