import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteIdent, type StreamDef } from "@citybrain/datasets";
import { ParseError } from "./parse-error.ts";
import { acceptsTyped, jsonTypeSql, type TypedSource } from "./sql-validate.ts";

/** Formats DuckDB reads itself (Arrow goes through apache-arrow in JS). */
export type SqlReadableFormat = "csv" | "ndjson" | "parquet";

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function describe(conn: DuckDBConnection, from: string): Promise<{ name: string; type: string }[]> {
  const r = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  return r.getRowsJS().map((row) => ({ name: String(row[0]), type: String(row[1]) }));
}

/** The text a text source would carry for a typed column (used for messages and quarantine). */
export function asText(col: string, type: string): string {
  if (type === "DATE") return `strftime(${col}, '%Y-%m-%d')`;
  if (type.startsWith("TIMESTAMP WITH"))
    return `strftime(${col} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ')`;
  if (type.startsWith("TIMESTAMP")) return `strftime(${col}::TIMESTAMP, '%Y-%m-%dT%H:%M:%S.%gZ')`;
  return `CAST(${col} AS VARCHAR)`;
}

/** The JSON type of values of a reader's column type that are neither text nor numbers, or undefined. */
function nonTextType(type: string): string | undefined {
  if (type === "BOOLEAN") return "BOOLEAN";
  if (type.startsWith("STRUCT") || type.startsWith("MAP")) return "OBJECT";
  if (type.endsWith("]")) return "ARRAY";
  return undefined;
}

/** The ParseError for a reader failure met while reading a file of `format`. */
export function readFailure(format: SqlReadableFormat, e: unknown): Error {
  if (e instanceof ParseError) return e;
  const message = (e as Error).message.split("\n")[0] ?? "";
  return new ParseError(`not readable as ${format}: ${message}`);
}

/** A SELECT over a file, and which of its columns come typed (see {@link rawSelectSql}). */
export interface RawSelect {
  readonly sql: string;
  /**
   * Whether the SELECT numbers its records (`__row`). Numbering CSV and NDJSON takes a window
   * over the whole file (a fifth of a clean ingest), so a first pass goes without, and only a
   * batch with bad rows or repeated keys is read again numbered.
   */
  readonly numbered: boolean;
  /** Whether each record is JSON (NDJSON), kept as `__json`. */
  readonly json: boolean;
  /**
   * For fields whose values may be other than text or numbers (JSON objects, arrays, booleans;
   * Parquet BOOLEAN, STRUCT, LIST, MAP), SQL over `raw` giving the value's JSON type: text
   * fields refuse those, and messages show them as JSON, as the JS validator does.
   */
  readonly valueTypes: Readonly<Record<string, string>>;
  /** Fields whose text is the JSON of a non-text value (for the record kept of a bad row). */
  readonly jsonText: ReadonlySet<string>;
  /** Fields the reader delivers typed (Parquet columns of a fitting type), by name. */
  readonly typed: Readonly<Record<string, TypedSource>>;
  /**
   * An NDJSON first pass through DuckDB's map reader: it may call valid rows bad (the batch is
   * then read again, numbered and exact) but never passes a row the exact read refuses, and a
   * file it cannot read may still be readable exactly.
   */
  readonly mapped: boolean;
}

/**
 * A SELECT over a file yielding one column per stream field (absent columns are NULL) —
 * VARCHAR, or the reader's own type where it fits the field (listed in `typed`, sparing the
 * text round trip) — plus `__unknown` (names of fields the stream lacks) and, where
 * `numbered`, `__row` (1-based record number).
 * @throws ParseError when the file's header or schema is not readable as the format (the rest
 * is read by the caller's query, whose failures {@link readFailure} turns into a ParseError).
 */
export async function rawSelectSql(
  conn: DuckDBConnection,
  def: StreamDef,
  file: string,
  format: SqlReadableFormat,
  options: { readonly numbered?: boolean } = {},
): Promise<RawSelect> {
  const names = Object.keys(def.fields);
  const known = `[${names.map(lit).join(", ")}]`;
  const typed: Record<string, TypedSource> = {};
  const valueTypes: Record<string, string> = {};
  const jsonText = new Set<string>();
  let select: string;
  try {
    // Parquet numbers its rows for free; CSV and NDJSON only when asked.
    let numbered = options.numbered === true || format === "parquet";
    if (format === "ndjson" && !numbered) {
      // The first pass: DuckDB's JSON reader turns each record into a map of field texts in one
      // typed scan, at about half the cost of parsing it as JSON per field. Those texts are what
      // the exact pass below reads (json_extract_string), but a map of texts cannot tell the text
      // "{…}" or "true" from an object or a boolean, which text fields refuse: such values mark
      // their row bad here, so the batch is read again by the exact pass, which decides. A file
      // that is not flat objects fails this reader; the caller then reads it exactly too.
      const src = `read_json(${lit(file)}, format = 'newline_delimited', records = false, columns = {__m: 'MAP(VARCHAR, VARCHAR)'})`;
      const cols = names.map((n) => `__m[${lit(n)}] AS ${quoteIdent(n)}`).join(", ");
      for (const n of names.filter((f) => def.fields[f]?.kind === "string")) {
        const v = `raw.${quoteIdent(n)}`;
        valueTypes[n] = `CASE WHEN ascii(${v}) IN (123, 91) OR ${v} IN ('true', 'false') THEN 'OBJECT' END`; // { [
      }
      select = `SELECT ${cols}, coalesce(list_filter(map_keys(__m), k -> NOT list_contains(${known}, k)), []) AS __unknown,
        NULL::VARCHAR AS __json FROM ${src}`;
      return { sql: select, typed, numbered, json: true, valueTypes, jsonText, mapped: true };
    }
    if (format === "ndjson") {
      const src = `read_json_objects(${lit(file)}, format = 'newline_delimited')`;
      // Every field's text in one parse of the record (seven `->>` would parse it seven times);
      // the JSON type only where it decides validity: text fields refuse objects, arrays, booleans.
      const paths = `[${names.map((n) => lit(`$."${n}"`)).join(", ")}]`;
      const cols = names.map((n, i) => `__text[${i + 1}] AS ${quoteIdent(n)}`).join(", ");
      const textFields = names.filter((n) => def.fields[n]?.kind === "string");
      const types = textFields.map((n) => `${jsonTypeSql("json", n)} AS ${quoteIdent(`__jt_${n}`)}`);
      for (const n of textFields) valueTypes[n] = `raw.${quoteIdent(`__jt_${n}`)}`;
      select = `SELECT ${[cols, ...types].join(", ")}, list_filter(json_keys(json), k -> NOT list_contains(${known}, k)) AS __unknown,
        json AS __json, row_number() OVER () AS __row
        FROM (SELECT json, json_extract_string(json, ${paths}) AS __text FROM ${src})`;
    } else {
      const src =
        format === "csv"
          ? `read_csv(${lit(file)}, header = true, all_varchar = true, auto_detect = true, strict_mode = true)`
          : `read_parquet(${lit(file)})`;
      const columns = await describe(conn, src);
      const present = new Map(columns.map((c) => [c.name, c.type]));
      const unknown = columns.filter((c) => !names.includes(c.name)).map((c) => lit(c.name));
      const cols = names
        .map((n) => {
          const type = present.get(n);
          const field = def.fields[n];
          if (type !== undefined && field && format === "parquet" && acceptsTyped(field, type)) {
            typed[n] = { type, text: asText(`raw.${quoteIdent(n)}`, type) };
            return quoteIdent(n);
          }
          const nonText = type === undefined ? undefined : nonTextType(type);
          if (nonText) {
            valueTypes[n] = lit(nonText);
            jsonText.add(n);
            return `to_json(${quoteIdent(n)})::VARCHAR AS ${quoteIdent(n)}`;
          }
          return `${type === undefined ? "NULL::VARCHAR" : asText(quoteIdent(n), type)} AS ${quoteIdent(n)}`;
        })
        .join(", ");
      // Unknown columns are a header matter: report them once, on the first record (numbered
      // here for that), and spare every other row a list when there are none.
      if (unknown.length === 0 && !numbered) {
        select = `SELECT ${cols}, []::VARCHAR[] AS __unknown FROM ${src} raw`;
      } else {
        numbered = true;
        const flagged =
          unknown.length === 0
            ? "[]::VARCHAR[]"
            : `CASE WHEN __row = 1 THEN [${unknown.join(", ")}]::VARCHAR[] ELSE []::VARCHAR[] END`;
        const withRows =
          format === "parquet"
            ? `SELECT *, file_row_number + 1 AS __row FROM read_parquet(${lit(file)}, file_row_number = true)`
            : `SELECT *, row_number() OVER () AS __row FROM ${src}`;
        select = `SELECT ${cols}, ${flagged} AS __unknown, __row FROM (${withRows}) raw`;
      }
    }
    // No probe read here: the caller's single pass reports unreadable content (see readFailure).
    return { sql: select, typed, numbered, json: format === "ndjson", valueTypes, jsonText, mapped: false };
  } catch (e) {
    throw readFailure(format, e);
  }
}
