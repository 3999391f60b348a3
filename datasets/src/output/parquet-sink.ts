import {
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBConnection,
} from "@duckdb/node-api";
import { rm } from "node:fs/promises";
import { quoteIdent, type ColumnBatch, type FieldDef } from "../schema/index.ts";
import { commitTempFile, tempPathFor } from "./atomic-file.ts";
import { DictionaryEncoder } from "./dictionary-encoder.ts";
import { finalExpression, fillVector, stagedAsCodes, stagingType } from "./parquet-staging.ts";
import { orderedColumns, type SinkResult, type StreamShape, type StreamSink } from "./stream-sink.ts";

/** DuckDB's vector size: the appender takes chunks of at most this many rows. */
const CHUNK_ROWS = 2048;

/**
 * Streams a stream's batches into a Parquet file (ZSTD) through DuckDB: rows are appended to
 * a staging table in a temporary on-disk database beside the output (so memory stays bounded
 * for any row count), then `COPY … TO` writes the file, which is renamed into place.
 * The bytes depend only on the rows and the DuckDB version (no timestamps; the same bytes
 * were seen with 1, 2 and 4 threads).
 */
export class ParquetSink implements StreamSink {
  private readonly names: string[];
  private readonly defs: FieldDef[];
  private readonly encoders: (DictionaryEncoder | undefined)[];
  private rows = 0;
  private done = false;

  private constructor(
    private readonly stream: StreamShape,
    private readonly path: string,
    private readonly tempPath: string,
    private readonly dbPath: string,
    private readonly db: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly appender: DuckDBAppender,
  ) {
    this.names = Object.keys(stream.fields);
    this.defs = Object.values(stream.fields);
    this.encoders = this.defs.map((d) => (stagedAsCodes(d) ? new DictionaryEncoder() : undefined));
  }

  /** Opens a sink writing `stream` to `path` (atomically). */
  static async open(stream: StreamShape, path: string): Promise<ParquetSink> {
    const tempPath = tempPathFor(path);
    const dbPath = `${tempPath}.duckdb`;
    const db = await DuckDBInstance.create(dbPath, { preserve_insertion_order: "true" });
    try {
      const conn = await db.connect();
      const cols = Object.entries(stream.fields).map(
        ([n, d]) => `${quoteIdent(n)} ${stagingType(d).toString()}`,
      );
      await conn.run(`CREATE TABLE staging (${cols.join(", ")})`);
      const appender = await conn.createAppender("staging");
      return new ParquetSink(stream, path, tempPath, dbPath, db, conn, appender);
    } catch (error) {
      db.closeSync();
      await rm(dbPath, { force: true });
      throw error;
    }
  }

  async write(batch: ColumnBatch): Promise<void> {
    const columns = orderedColumns(this.stream, batch).map((c, j) => {
      const encoder = this.encoders[j];
      if (!encoder) return c;
      try {
        return encoder.encode(c, batch.length);
      } catch (e) {
        throw new Error(`stream "${this.stream.name}", field "${this.names[j]}": ${(e as Error).message}`);
      }
    });
    const types = this.defs.map(stagingType);
    for (let start = 0; start < batch.length; start += CHUNK_ROWS) {
      const n = Math.min(CHUNK_ROWS, batch.length - start);
      const chunk = DuckDBDataChunk.create(types, n);
      columns.forEach((column, j) => {
        const fail = (row: number, message: string): never => {
          throw new Error(
            `stream "${this.stream.name}": row ${this.rows + row + 1}, field "${this.names[j]}": ${message}`,
          );
        };
        fillVector(chunk.getColumnVector(j), this.defs[j] as FieldDef, column, start, n, fail);
      });
      this.appender.appendDataChunk(chunk);
    }
    this.rows += batch.length;
  }

  async close(): Promise<SinkResult> {
    if (this.done) throw new Error(`${this.path}: already closed or aborted`);
    try {
      this.appender.closeSync();
      const select = this.names.map((n, j) =>
        finalExpression(n, this.defs[j] as FieldDef, this.encoders[j]?.strings),
      );
      const target = this.tempPath.replaceAll("'", "''");
      const meta = `KV_METADATA {stream: '${this.stream.name.replaceAll("'", "''")}'}`;
      await this.conn.run(
        `COPY (SELECT ${select.join(", ")} FROM staging) TO '${target}' (FORMAT parquet, COMPRESSION zstd, ${meta})`,
      );
      await this.release();
      return { ...(await commitTempFile(this.tempPath, this.path)), rows: this.rows };
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Closes DuckDB and deletes its temporary database. */
  private async release(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      this.appender.closeSync();
    } catch {
      // already closed (close() closes it first); nothing left to flush
    }
    this.conn.closeSync();
    this.db.closeSync();
    await rm(this.dbPath, { force: true });
    await rm(`${this.dbPath}.wal`, { force: true });
  }

  async abort(): Promise<void> {
    await this.release();
    await rm(this.tempPath, { force: true });
  }
}
