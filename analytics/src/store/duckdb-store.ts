import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import {
  STREAMS,
  ValidationError,
  streamDef,
  quoteIdent,
  type StreamDef,
  type StreamName,
} from "@citybrain/datasets";
import type { Table } from "apache-arrow";
import { queryToArrow } from "./arrow-from-duckdb.ts";
import { MIGRATIONS } from "./migrations.ts";
import { Serial } from "./serial.ts";
import { stageColumns } from "./stage-columns.ts";
import { upsertRows } from "./upsert.ts";
import { checkArrowTable } from "../ingest/arrow-columns.ts";
import { checkRecords, type CheckedColumns } from "../ingest/checked-columns.ts";
import { arrowRecords, decodeArrow } from "../ingest/parse-arrow.ts";
import { rawSelectSql, readFailure, type SqlReadableFormat } from "../ingest/file-reader-sql.ts";
import {
  DROP_CHECKED,
  checkedErrors,
  createChecked,
  goodRowsSql,
  checkedNeeds,
  quarantineBadRows,
} from "../ingest/ingest-file-sql.ts";
import { createRollups, rebuildRollups, refreshRollups } from "../rollup/refresh.ts";
import { DEFAULT_ROLLUPS } from "../rollup/rollups.ts";
import type { RollupDef } from "../rollup/rollup-def.ts";
import type { IngestOptions, IngestResult, SqlParam, Store } from "./store.ts";

/** Options of {@link DuckDBStore.open}. */
export interface DuckDBStoreOptions {
  /** Database file, or ":memory:". */
  readonly path: string;
  /** DuckDB threads (defaults to DuckDB's choice: all cores). */
  readonly threads?: number;
  /** Rollups kept incrementally on every write (default: {@link DEFAULT_ROLLUPS}). */
  readonly rollups?: readonly RollupDef[];
}

function jsValue(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (v !== null && typeof v === "object" && "micros" in v)
    return Number((v as { micros: bigint }).micros / 1000n);
  if (v !== null && typeof v === "object" && "days" in v) {
    return new Date((v as { days: number }).days * 86_400_000).toISOString().slice(0, 10);
  }
  return v;
}

/** The NDJSON first pass could not read a file: the exact pass reads it instead. */
class MappedReadFailed extends Error {}

/**
 * The embedded DuckDB store. One connection, one operation at a time, every write in one
 * transaction (all of a batch or nothing), replays detected by batch id.
 * @example
 * const store = await DuckDBStore.open({ path: "data/citybrain.duckdb" });
 * await store.ingest("septic", rows, { batchId: "monitor-7-2026-03-01T10" });
 */
export class DuckDBStore implements Store {
  readonly #serial = new Serial();

  private constructor(
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    readonly rollups: readonly RollupDef[],
  ) {}

  static async open(options: DuckDBStoreOptions): Promise<DuckDBStore> {
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    const instance = await DuckDBInstance.create(options.path, config);
    const conn = await instance.connect();
    // Text times without an offset are Asia/Shanghai (see parseTime); stored times are UTC TIMESTAMPs.
    await conn.run("SET TimeZone = 'Asia/Shanghai'");
    const store = new DuckDBStore(instance, conn, options.rollups ?? DEFAULT_ROLLUPS);
    await store.migrate();
    return store;
  }

  migrate(): Promise<void> {
    return this.#serial.run(async () => {
      await this.conn.run(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)",
      );
      const done = await this.conn.runAndReadAll("SELECT version FROM schema_migrations");
      const applied = new Set(done.getRows().map((r) => Number(r[0])));
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await this.#transaction(async () => {
          for (const sql of m.sql) await this.conn.run(sql);
          await this.conn.run("INSERT INTO schema_migrations VALUES (?, ?, (now() AT TIME ZONE 'UTC'))", [
            m.version,
            m.name,
          ]);
        });
      }
      await createRollups(this.conn, this.rollups);
    });
  }

  async #transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.conn.run("BEGIN TRANSACTION");
    try {
      const out = await work();
      await this.conn.run("COMMIT");
      return out;
    } catch (e) {
      await this.conn.run("ROLLBACK");
      throw e;
    }
  }

  async #replayed(batchId: string): Promise<boolean> {
    const r = await this.conn.runAndReadAll("SELECT 1 FROM ingest_batches WHERE batch_id = ?", [batchId]);
    return r.currentRowCount > 0;
  }

  /**
   * Validates raw records and writes the good ones in one transaction. Records are checked
   * column by column and staged in whole vectors (see `stageColumns`), never a call per value.
   */
  async ingest(
    stream: StreamName,
    records: readonly unknown[],
    options: IngestOptions,
  ): Promise<IngestResult> {
    const def = streamDef(stream);
    return this.#ingestChecked(stream, def, checkRecords(def, records), options, (rows) =>
      rows.map((r) => records[r]),
    );
  }

  /**
   * Ingests Arrow IPC (stream or file format) read column by column: same rules, errors and
   * quarantine as {@link DuckDBStore.ingest} on the decoded records, without building them.
   */
  async ingestArrow(
    stream: StreamName,
    bytes: Uint8Array | Table,
    options: IngestOptions,
  ): Promise<IngestResult> {
    const def = streamDef(stream);
    const table = bytes instanceof Uint8Array ? decodeArrow(bytes) : bytes;
    return this.#ingestChecked(stream, def, checkArrowTable(def, table), options, (rows) =>
      arrowRecords(table, rows),
    );
  }

  async #ingestChecked(
    stream: StreamName,
    def: StreamDef,
    checked: CheckedColumns,
    options: IngestOptions,
    rawRows: (rows: number[]) => unknown[],
  ): Promise<IngestResult> {
    const policy = options.onBadRows ?? "reject";
    return this.#serial.run(async () => {
      const base = { stream, batchId: options.batchId, policy, errors: checked.errors };
      // A replay is a no-op whatever its rows hold, as in ingestFile.
      if (await this.#replayed(options.batchId)) {
        return { ...base, replayed: true, accepted: 0, rejected: 0, timeRange: null };
      }
      if (checked.errors.length > 0 && policy === "reject") throw new ValidationError(stream, checked.errors);
      const { timeRange } = checked;
      await this.#transaction(async () => {
        if (checked.length > 0) {
          const staged = await stageColumns(this.conn, `stage_${stream}`, checked);
          await upsertRows(this.conn, def, staged.source, "__ord", timeRange);
          await this.conn.run(staged.drop);
        }
        if (timeRange) await refreshRollups(this.conn, this.rollups, stream, timeRange);
        const badRows = new Map<number, string[]>();
        for (const e of checked.errors)
          badRows.set(e.row, [...(badRows.get(e.row) ?? []), `${e.field}: ${e.message}`]);
        const raw = rawRows([...badRows.keys()].map((row) => row - 1));
        let i = 0;
        for (const [row, errs] of badRows) {
          await this.conn.run("INSERT INTO quarantine VALUES (?, ?, ?, ?, ?, (now() AT TIME ZONE 'UTC'))", [
            options.batchId,
            stream,
            row,
            JSON.stringify(raw[i++] ?? null),
            JSON.stringify(errs),
          ]);
        }
        await this.#recordBatch(options.batchId, stream, checked.length, checked.badRows, timeRange);
      });
      return { ...base, replayed: false, accepted: checked.length, rejected: checked.badRows, timeRange };
    });
  }

  async #recordBatch(
    batchId: string,
    stream: string,
    accepted: number,
    rejected: number,
    range: readonly [number, number] | null,
  ): Promise<void> {
    await this.conn.run(
      "INSERT INTO ingest_batches VALUES (?, ?, ?, ?, make_timestamp(?::BIGINT * 1000), make_timestamp(?::BIGINT * 1000), (now() AT TIME ZONE 'UTC'))",
      [
        batchId,
        stream,
        accepted,
        rejected,
        range ? range[0] : null,
        range ? range[1] : null,
      ] as DuckDBValue[],
    );
  }

  /**
   * Ingests a CSV, NDJSON or Parquet file with DuckDB's own readers; validation runs in SQL
   * generated from the stream schema (same rules and messages as {@link validateRows}), so
   * large batches never make a JS call per value. Same transaction, replay and quarantine
   * semantics as {@link DuckDBStore.ingest}.
   */
  ingestFile(
    stream: StreamName,
    file: string,
    format: SqlReadableFormat,
    options: IngestOptions,
  ): Promise<IngestResult> {
    const def = streamDef(stream);
    const policy = options.onBadRows ?? "reject";
    return this.#serial.run(async () => {
      const base = { stream, batchId: options.batchId, policy };
      if (await this.#replayed(options.batchId)) {
        return { ...base, errors: [], replayed: true, accepted: 0, rejected: 0, timeRange: null };
      }
      const check = async (numbered: boolean) => {
        const raw = await rawSelectSql(this.conn, def, file, format, { numbered });
        await createChecked(this.conn, def, raw).catch((e: unknown) => {
          throw raw.mapped ? new MappedReadFailed() : readFailure(format, e);
        });
        return raw.numbered;
      };
      // The first pass reads unnumbered, before the transaction: it only fills TEMP `checked`, and
      // an NDJSON first read that fails (a file of other than flat objects) must not abort the
      // batch's transaction, since the exact read decides then. A clean batch without repeated
      // keys needs no record numbers; others are read again, numbered and exact.
      let again = false;
      let duplicates: boolean | undefined;
      try {
        if (!(await check(false))) {
          const needs = await checkedNeeds(this.conn, def);
          again = needs.bad || needs.duplicates;
          duplicates = needs.duplicates;
        }
      } catch (e) {
        if (!(e instanceof MappedReadFailed)) throw e;
        again = true;
      }
      // `checked` may be made outside the transaction, where a rollback does not drop it.
      const dropChecked = () => this.conn.run(DROP_CHECKED).catch(() => undefined);
      return this.#transaction(async () => {
        if (again) await check(true);
        const found = await checkedErrors(this.conn, def);
        if (found.badRows > 0 && policy === "reject") throw new ValidationError(stream, found.errors);
        if (found.badRows > 0) await quarantineBadRows(this.conn, def, options.batchId);
        const time = quoteIdent(def.timeField);
        const stats = await this.conn.runAndReadAll(
          `SELECT epoch_ms(min(${time})::TIMESTAMP), epoch_ms(max(${time})::TIMESTAMP) FROM checked WHERE __ok`,
        );
        const [lo, hi] = (stats.getRows()[0] ?? []).map((v) => (v === null ? null : Number(v)));
        const timeRange = lo != null && hi != null ? ([lo, hi] as const) : null;
        await upsertRows(this.conn, def, goodRowsSql(def), "__row", timeRange, { duplicates });
        if (timeRange) await refreshRollups(this.conn, this.rollups, stream, timeRange);
        const accepted = found.totalRows - found.badRows;
        await this.#recordBatch(options.batchId, stream, accepted, found.badRows, timeRange);
        return {
          ...base,
          errors: found.errors,
          replayed: false,
          accepted,
          rejected: found.badRows,
          timeRange,
        };
      }).finally(dropChecked);
    });
  }

  loadParquet(stream: StreamName, files: readonly string[], options: IngestOptions): Promise<IngestResult> {
    const def = streamDef(stream);
    return this.#serial.run(async () => {
      const base = { stream, batchId: options.batchId, policy: "reject" as const, errors: [], rejected: 0 };
      if (await this.#replayed(options.batchId))
        return { ...base, replayed: true, accepted: 0, timeRange: null };
      const cols = Object.keys(def.fields).map(quoteIdent).join(", ");
      const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(", ");
      const time = quoteIdent(def.timeField);
      return this.#transaction(async () => {
        const stats = await this.conn.runAndReadAll(
          `SELECT count(*), epoch_ms(min(${time})::TIMESTAMP), epoch_ms(max(${time})::TIMESTAMP) FROM read_parquet([${list}])`,
        );
        const [n, lo, hi] = (stats.getRows()[0] ?? []).map((v) => (v === null ? null : Number(v)));
        await upsertRows(
          this.conn,
          def,
          `SELECT ${cols}, file_row_number AS __ord FROM read_parquet([${list}], file_row_number = true)`,
          "__ord",
          lo != null && hi != null ? [lo, hi] : null,
        );
        const timeRange = lo != null && hi != null ? ([lo, hi] as const) : null;
        if (timeRange) await refreshRollups(this.conn, this.rollups, stream, timeRange);
        await this.#recordBatch(options.batchId, stream, n ?? 0, 0, timeRange);
        return { ...base, replayed: false, accepted: n ?? 0, timeRange };
      });
    });
  }

  query(sql: string, params: readonly SqlParam[] = []): Promise<Record<string, unknown>[]> {
    return this.#serial.run(async () => {
      const reader = await this.conn.runAndReadAll(sql, params as DuckDBValue[]);
      const names = reader.columnNames();
      return reader.getRows().map((row) => Object.fromEntries(names.map((n, i) => [n, jsValue(row[i])])));
    });
  }

  queryArrow(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
    return this.#serial.run(() => queryToArrow(this.conn, sql, params as DuckDBValue[]));
  }

  async count(stream: StreamName): Promise<number> {
    const rows = await this.query(`SELECT count(*) AS n FROM ${quoteIdent(STREAMS[stream].name)}`);
    return Number(rows[0]?.n ?? 0);
  }

  /** Recomputes every rollup from the base tables (repair, or after changing a definition). */
  rebuildRollups(): Promise<void> {
    return this.#serial.run(() => this.#transaction(() => rebuildRollups(this.conn, this.rollups)));
  }

  /** Runs a statement that changes data or schema (not for client input). */
  exec(sql: string, params: readonly SqlParam[] = []): Promise<void> {
    return this.#serial.run(async () => {
      await this.conn.run(sql, params as DuckDBValue[]);
    });
  }

  close(): Promise<void> {
    return this.#serial.run(async () => {
      this.conn.closeSync();
      this.instance.closeSync();
    });
  }
}
