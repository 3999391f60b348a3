import duckdb from "@duckdb/node-bindings";
import { DOUBLE, DuckDBDataChunk, UINTEGER, type DuckDBConnection } from "@duckdb/node-api";
import { quoteIdent } from "@citybrain/datasets";
import { isCoded, type CheckedColumn, type CheckedColumns } from "../ingest/checked-columns.ts";

/** The SQL of one staged column back in the stream's type (`s` is the stage, `d<f>` its dictionaries). */
function columnSql(c: CheckedColumn, f: number): string {
  const x = `s.c${f}`;
  const notNull = (sql: string) => (c.def.nullable ? `CASE WHEN isnan(${x}) THEN NULL ELSE ${sql} END` : sql);
  switch (c.def.kind) {
    case "timestamp":
      return notNull(`make_timestamp(CAST(${x} AS BIGINT) * 1000)`);
    case "int":
      return notNull(`CAST(${x} AS INTEGER)`);
    case "float":
      return notNull(x);
    case "bool":
      return notNull(`${x} <> 0`);
    case "date":
      return `CAST(d${f}.v AS DATE)`;
    case "string":
    case "enum":
      return `d${f}.v`;
  }
}

/** Temp tables holding a checked batch, and the SELECT that reads it back as stream rows. */
export interface Staged {
  /** Yields the stream's columns in field order, plus `__ord` (input order of the good rows). */
  readonly source: string;
  /** Drops the temp tables. */
  readonly drop: string;
}

/**
 * Writes checked columns into DuckDB without a call per value: numbers as DOUBLE and text as
 * UINTEGER dictionary codes go in whole vectors (one copy per 2,048 rows and column); each
 * dictionary's distinct values go in a small table joined back by code. Null numbers are NaN
 * (checked values are always finite), null codes find no dictionary row.
 */
export async function stageColumns(
  conn: DuckDBConnection,
  name: string,
  checked: CheckedColumns,
): Promise<Staged> {
  const stage = quoteIdent(name);
  const dict = (f: number) => quoteIdent(`${name}_d${f}`);
  const cols = checked.columns;
  const drops = [`DROP TABLE IF EXISTS ${stage}`];
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${stage} (${cols.map((c, f) => `c${f} ${isCoded(c) ? "UINTEGER" : "DOUBLE"}`).join(", ")})`,
  );
  for (const [f, c] of cols.entries()) {
    if (!isCoded(c)) continue;
    drops.push(`DROP TABLE IF EXISTS ${dict(f)}`);
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${dict(f)} (k UINTEGER, v VARCHAR)`);
    const appender = await conn.createAppender(`${name}_d${f}`, "main", "temp");
    c.dictionary.forEach((v, k) => {
      appender.appendUInteger(k);
      appender.appendVarchar(v);
      appender.endRow();
    });
    appender.closeSync();
  }

  const appender = await conn.createAppender(name, "main", "temp");
  const chunk = DuckDBDataChunk.create(cols.map((c) => (isCoded(c) ? UINTEGER : DOUBLE)));
  const arrays = cols.map((c) => (isCoded(c) ? c.codes : c.numbers));
  const size = duckdb.vector_size();
  for (let offset = 0; offset < checked.length; offset += size) {
    const length = Math.min(size, checked.length - offset);
    chunk.reset();
    duckdb.data_chunk_set_size(chunk.chunk, length);
    arrays.forEach((a, f) => {
      const vector = duckdb.data_chunk_get_vector(chunk.chunk, f);
      const bytes = a.BYTES_PER_ELEMENT;
      duckdb.copy_data_to_vector(
        vector,
        0,
        a.buffer as ArrayBuffer,
        a.byteOffset + offset * bytes,
        length * bytes,
      );
    });
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();

  const select = cols.map((c, f) => `${columnSql(c, f)} AS ${quoteIdent(c.name)}`);
  const joins = cols.flatMap((c, f) =>
    isCoded(c) ? [`LEFT JOIN ${dict(f)} d${f} ON d${f}.k = s.c${f}`] : [],
  );
  return {
    source: `SELECT ${select.join(", ")}, s.rowid AS __ord FROM ${stage} s ${joins.join(" ")}`,
    drop: drops.join("; "),
  };
}
