import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteIdent, type RowError, type StreamDef } from "@citybrain/datasets";
import { repeatedKeysSql } from "../store/upsert.ts";
import type { RawSelect } from "./file-reader-sql.ts";
import { castSql, errorSql, jsonTypeSql, rawCol, typedCastSql } from "./sql-validate.ts";

/** Most row errors collected and returned for one batch. */
export const MAX_REPORTED_ERRORS = 1000;

/** What validating the raw table found. */
export interface RawCheck {
  readonly errors: RowError[];
  /** Number of distinct bad rows (all of them, not only the reported ones). */
  readonly badRows: number;
  readonly totalRows: number;
}

/**
 * Reads, validates and types a file in one pass into TEMP TABLE `checked`: typed stream columns,
 * `__row` (record number, NULL when `raw` is not numbered), `__ok` and, for bad rows only,
 * `__record` (the input as JSON) and
 * `__unknown` (fields the stream lacks). Only validity is decided here — a boolean per row is far
 * cheaper than building every row's error list; {@link checkedErrors} words the errors of the
 * few bad rows afterwards, from `__record`, with the same rules.
 */
export async function createChecked(conn: DuckDBConnection, def: StreamDef, raw: RawSelect): Promise<void> {
  const entries = Object.entries(def.fields);
  const typed = entries.map(([name], i) => `raw.__t${i} AS ${quoteIdent(name)}`);
  const jsonType = (name: string) => raw.valueTypes[name];
  const ok = [
    ...entries.map(
      ([name, f], i) =>
        `(${errorSql(f, rawCol(name), `raw.__t${i}`, raw.typed[name], jsonType(name))}) IS NULL`,
    ),
    "len(raw.__unknown) = 0",
  ].join(" AND ");
  // A field's value in the record of a bad row: its text, or its JSON when it is not text.
  const member = (n: string) =>
    raw.jsonText.has(n) ? `json(${rawCol(n)})` : (raw.typed[n]?.text ?? rawCol(n));
  // A JSON record is kept as it came; others as their fields' values.
  const record = raw.json
    ? "raw.__json"
    : `to_json(struct_pack(${entries.map(([n]) => `${quoteIdent(n)} := ${member(n)}`).join(", ")}))`;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE checked AS
     SELECT ${typed.join(", ")}, ${raw.numbered ? "raw.__row" : "NULL::BIGINT"} AS __row, __ok,
       CASE WHEN NOT __ok THEN ${record} END AS __record,
       CASE WHEN NOT __ok THEN raw.__unknown END AS __unknown
     FROM (SELECT *, ${ok} AS __ok FROM (${castsSelect(def, raw)}) raw) raw`,
  );
}

/**
 * What `checked` holds that needs its rows' record numbers: a bad row (to word its errors) or
 * two good rows with the same natural key (to let the last win). Which keys repeat does not
 * change when the batch is read again numbered, so `duplicates` also tells the upsert.
 */
export async function checkedNeeds(
  conn: DuckDBConnection,
  def: StreamDef,
): Promise<{ readonly bad: boolean; readonly duplicates: boolean }> {
  const r = await conn.runAndReadAll(
    `SELECT EXISTS (SELECT 1 FROM checked WHERE NOT __ok), ${repeatedKeysSql(def, "SELECT * FROM checked WHERE __ok")}`,
  );
  const [bad, duplicates] = r.getRowsJS()[0] ?? [];
  return { bad: bad === true, duplicates: duplicates === true };
}

/** Drops what {@link createChecked} and {@link checkedErrors} made. */
export const DROP_CHECKED = "DROP TABLE IF EXISTS checked; DROP TABLE IF EXISTS checked_errors";

/** The raw SELECT with each field's typed value added as `__t<i>` (each value cast once). */
function castsSelect(def: StreamDef, raw: Pick<RawSelect, "sql" | "typed">): string {
  const casts = Object.entries(def.fields).map(([name, f], i) => {
    const source = raw.typed[name];
    const cast = source ? typedCastSql(f, rawCol(name), source.type) : castSql(f, rawCol(name));
    return `(${cast})::${duckType(f.kind)} AS __t${i}`;
  });
  return `SELECT *, ${casts.join(", ")} FROM (${raw.sql}) raw`;
}

/** The bad rows of `checked` with their errors as `__errs` (list of {field, message}). */
function badRowsSql(def: StreamDef): string {
  const entries = Object.entries(def.fields);
  const raw = entries.map(([n]) => `__record ->> ${sqlText(n)} AS ${quoteIdent(n)}`);
  // __record is JSON: of the input for NDJSON (values keep their JSON types), else of field texts.
  const errs = entries.map(
    ([name, f], i) =>
      `{'field': '${name}', 'message': ${errorSql(f, rawCol(name), `raw.__t${i}`, undefined, jsonTypeSql("raw.__record", name))}}`,
  );
  const unknown = `list_transform(raw.__unknown, k -> {'field': k, 'message': 'unknown field for stream "${def.name}"'})`;
  // Re-read from the text kept in __record: the same verdicts, now with their words.
  const source = `SELECT ${raw.join(", ")}, __row, __unknown, __record FROM checked WHERE NOT __ok`;
  return `SELECT __row, list_concat(list_filter([${errs.join(", ")}], e -> e.message IS NOT NULL), ${unknown}) AS __errs
    FROM (${castsSelect(def, { sql: source, typed: {} })}) raw`;
}

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Row errors found by {@link createChecked}. */
export async function checkedErrors(conn: DuckDBConnection, def: StreamDef): Promise<RawCheck> {
  const counts = await conn.runAndReadAll("SELECT count(*) FILTER (WHERE NOT __ok), count(*) FROM checked");
  const [bad, total] = (counts.getRowsJS()[0] ?? [0, 0]).map(Number);
  if (!bad) return { errors: [], badRows: 0, totalRows: total ?? 0 };
  await conn.run(`CREATE OR REPLACE TEMP TABLE checked_errors AS ${badRowsSql(def)}`);
  const rows = await conn.runAndReadAll(
    `SELECT __row, e.field, e.message FROM (SELECT __row, unnest(__errs) AS e FROM checked_errors)
     ORDER BY __row LIMIT ${MAX_REPORTED_ERRORS}`,
  );
  const errors = rows.getRowsJS().map(([row, field, message]) => ({
    row: Number(row),
    field: String(field),
    message: String(message),
  }));
  return { errors, badRows: bad ?? 0, totalRows: total ?? 0 };
}

/** The typed good rows of `checked` with their record number `__row`, as a SELECT. */
export function goodRowsSql(def: StreamDef): string {
  const cols = Object.keys(def.fields).map(quoteIdent).join(", ");
  return `SELECT ${cols}, __row FROM checked WHERE __ok`;
}

/** Copies bad rows of `checked` with their errors (from {@link checkedErrors}) into quarantine. */
export async function quarantineBadRows(
  conn: DuckDBConnection,
  def: StreamDef,
  batchId: string,
): Promise<void> {
  await conn.run(
    `INSERT INTO quarantine
     SELECT ?, ?, c.__row, c.__record, to_json(list_transform(e.__errs, x -> x.field || ': ' || x.message)), now() AT TIME ZONE 'UTC'
     FROM checked c JOIN checked_errors e USING (__row)`,
    [batchId, def.name],
  );
}

function duckType(kind: string): string {
  const types: Record<string, string> = {
    timestamp: "TIMESTAMP",
    date: "DATE",
    int: "INTEGER",
    float: "DOUBLE",
    bool: "BOOLEAN",
    string: "VARCHAR",
    enum: "VARCHAR",
  };
  return types[kind] ?? "VARCHAR";
}
