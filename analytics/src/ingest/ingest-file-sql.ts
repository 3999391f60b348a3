import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteIdent, type RowError, type StreamDef } from "@citybrain/datasets";
import { castSql, errorSql, rawCol } from "./sql-validate.ts";

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
 * `__row`, `__errs` (list of {field, message}) and, for bad rows only, `__record` (the input as JSON).
 */
export async function createChecked(
  conn: DuckDBConnection,
  def: StreamDef,
  rawSelect: string,
): Promise<void> {
  const entries = Object.entries(def.fields);
  // Each value is cast once (inner query); the checks read the cast.
  const casts = entries.map(
    ([name, f], i) => `(${castSql(f, rawCol(name))})::${duckType(f.kind)} AS __t${i}`,
  );
  const typed = entries.map(([name], i) => `raw.__t${i} AS ${quoteIdent(name)}`);
  const errs = entries.map(
    ([name, f], i) => `{'field': '${name}', 'message': ${errorSql(f, rawCol(name), `raw.__t${i}`)}}`,
  );
  const unknown = `list_transform(raw.__unknown, k -> {'field': k, 'message': 'unknown field for stream "${def.name}"'})`;
  const record = `to_json(struct_pack(${entries.map(([n]) => `${quoteIdent(n)} := ${rawCol(n)}`).join(", ")}))`;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE checked AS
     SELECT ${typed.join(", ")}, raw.__row AS __row, __errs, CASE WHEN len(__errs) > 0 THEN ${record} END AS __record
     FROM (SELECT *, list_concat(list_filter([${errs.join(", ")}], e -> e.message IS NOT NULL), ${unknown}) AS __errs
           FROM (SELECT *, ${casts.join(", ")} FROM (${rawSelect}) raw) raw) raw`,
  );
}

/** Row errors found by {@link createChecked}. */
export async function checkedErrors(conn: DuckDBConnection): Promise<RawCheck> {
  const counts = await conn.runAndReadAll(
    "SELECT count(*) FILTER (WHERE len(__errs) > 0), count(*) FROM checked",
  );
  const [bad, total] = (counts.getRowsJS()[0] ?? [0, 0]).map(Number);
  if (!bad) return { errors: [], badRows: 0, totalRows: total ?? 0 };
  const rows = await conn.runAndReadAll(
    `SELECT __row, e.field, e.message FROM (SELECT __row, unnest(__errs) AS e FROM checked WHERE len(__errs) > 0)
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
  return `SELECT ${cols}, __row FROM checked WHERE len(__errs) = 0`;
}

/** Copies bad rows of `checked` with their errors into the quarantine table. */
export async function quarantineBadRows(
  conn: DuckDBConnection,
  def: StreamDef,
  batchId: string,
): Promise<void> {
  await conn.run(
    `INSERT INTO quarantine
     SELECT ?, ?, __row, __record, to_json(list_transform(__errs, e -> e.field || ': ' || e.message)), now() AT TIME ZONE 'UTC'
     FROM checked WHERE len(__errs) > 0`,
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
