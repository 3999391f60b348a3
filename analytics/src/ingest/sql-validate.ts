import { MAX_TIME_MS, quoteIdent, type FieldDef } from "@citybrain/datasets";

/**
 * SQL twins of the JS validator (`validateRows`), generated from the same field definitions so
 * DuckDB can check and convert millions of text values without a JS call per value. Inputs are
 * VARCHAR columns; messages read exactly like the JS ones.
 */

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** JSON types a JS value of which is not text or a number (the validator shows them as JSON). */
const NOT_TEXT = "('OBJECT', 'ARRAY', 'BOOLEAN')";

/**
 * `got …` as the JS validator writes it: numbers bare, text JSON-quoted, objects, arrays and
 * booleans of a JSON record as their JSON (`jsonType`: the value's `json_type`), cut at 60 chars.
 */
function shown(col: string, jsonType?: string): string {
  const plain = `CASE WHEN TRY_CAST(${col} AS DOUBLE) IS NOT NULL THEN ${col} ELSE to_json(${col})::VARCHAR END`;
  const text = jsonType ? `CASE WHEN ${jsonType} IN ${NOT_TEXT} THEN ${col} ELSE ${plain} END` : plain;
  return `CASE WHEN length(${text}) > 60 THEN left(${text}, 57) || '...' ELSE ${text} END`;
}

/** The `json_type` of field `name` in a JSON record column. */
export function jsonTypeSql(record: string, name: string): string {
  return `json_type(${record}, ${lit(`$."${name}"`)})`;
}

const ISO = `'^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?$'`;

/**
 * Typed value of a VARCHAR column for a field (NULL when empty or invalid). Timestamps: epoch ms,
 * or text cast to TIMESTAMPTZ — the store's session time zone is Asia/Shanghai, so text without
 * an offset is read as Shanghai local time, like the JS validator — then converted to UTC.
 */
export function castSql(def: FieldDef, col: string): string {
  const v = `NULLIF(trim(${col}), '')`;
  switch (def.kind) {
    case "timestamp":
      // Fast path first: the canonical UTC forms that writers (ours included) emit parse with
      // strptime at a fraction of the general route's cost (regex + time-zone-aware cast).
      // Guarded by the fixed positions of its delimiters so it never accepts what the general
      // route (and the JS validator) would refuse, such as a one-digit month.
      return `COALESCE(CASE WHEN length(${v}) IN (20, 24) AND substr(${v}, 5, 1) = '-' AND substr(${v}, 8, 1) = '-'
          AND substr(${v}, 11, 1) = 'T' AND substr(${v}, 14, 1) = ':' AND substr(${v}, 17, 1) = ':'
          THEN try_strptime(${v}, ['%Y-%m-%dT%H:%M:%S.%gZ', '%Y-%m-%dT%H:%M:%SZ']) END,
        CASE WHEN abs(TRY_CAST(${v} AS DOUBLE)) <= ${MAX_TIME_MS} THEN make_timestamp(round(${v}::DOUBLE * 1000)::BIGINT)
        WHEN regexp_full_match(${v}, ${ISO}) THEN TRY_CAST(${v} AS TIMESTAMPTZ) AT TIME ZONE 'UTC' END)`;
    case "date":
      return `CASE WHEN regexp_full_match(${v}, '^\\d{4}-\\d{2}-\\d{2}$') THEN TRY_CAST(${v} AS DATE) END`;
    case "int":
      return `CASE WHEN TRY_CAST(${v} AS DOUBLE) = floor(TRY_CAST(${v} AS DOUBLE)) THEN TRY_CAST(TRY_CAST(${v} AS DOUBLE) AS INTEGER) END`;
    case "float":
      return `CASE WHEN isfinite(TRY_CAST(${v} AS DOUBLE)) THEN TRY_CAST(${v} AS DOUBLE) END`;
    case "bool":
      return `CASE lower(${v}) WHEN 'true' THEN TRUE WHEN '1' THEN TRUE WHEN 'false' THEN FALSE WHEN '0' THEN FALSE END`;
    case "string":
    case "enum":
      return `NULLIF(${col}, '')`;
  }
}

/**
 * An error message for a field, or NULL when valid: `col` is the input text, `typed` the column
 * holding {@link castSql} of it (computed once, referenced here), `jsonType` the value's
 * `json_type` when records are JSON.
 */
export function errorSql(
  def: FieldDef,
  col: string,
  typed: string,
  source?: TypedSource,
  jsonType?: string,
): string {
  // A typed column is missing when NULL; its text is needed only for the few failing rows.
  const v = source ? col : `NULLIF(${col}, '')`;
  const got = (expected: string) =>
    `${lit(`expected ${expected}, got `)} || ${shown(source?.text ?? col, jsonType)}`;
  const missing = def.nullable ? "NULL" : lit(`expected a value (${def.doc}), got nothing`);
  let check: string;
  switch (def.kind) {
    case "timestamp":
      check = `WHEN ${typed} IS NULL THEN ${got("ISO-8601 time")}`;
      break;
    case "date":
      check = `WHEN ${typed} IS NULL THEN ${got("a date YYYY-MM-DD")}`;
      break;
    case "bool":
      check = `WHEN ${typed} IS NULL THEN ${got("true or false")}`;
      break;
    case "enum":
      check = `WHEN ${v} NOT IN (${(def.values ?? []).map(lit).join(", ")}) THEN ${got(`one of ${def.values?.join("|")}`)}`;
      break;
    case "string":
      check = [
        // Text or a number, as in JS: an object, array or boolean of a JSON record is not.
        jsonType ? `WHEN ${jsonType} IN ${NOT_TEXT} THEN ${got("text")}` : "",
        def.pattern
          ? `WHEN NOT regexp_full_match(${v}, ${lit(def.pattern.source)}) THEN ${got(`text matching ${def.pattern}`)}`
          : "",
      ].join(" ");
      break;
    case "int":
    case "float": {
      const unit = def.unit ? ` ${def.unit}` : "";
      const what = def.kind === "int" ? "an integer" : "a number";
      check = [
        `WHEN ${typed} IS NULL THEN ${got(what)}`,
        def.min !== undefined ? `WHEN ${typed} < ${def.min} THEN ${got(`a number ≥ ${def.min}${unit}`)}` : "",
        def.max !== undefined ? `WHEN ${typed} > ${def.max} THEN ${got(`a number ≤ ${def.max}${unit}`)}` : "",
      ].join(" ");
      break;
    }
  }
  return `CASE WHEN ${v} IS NULL THEN ${missing} ${check} END`;
}

/** A column a reader delivered already typed (e.g. Parquet), and its text form for messages. */
export interface TypedSource {
  /** DuckDB type of the column, as DESCRIBE names it. */
  readonly type: string;
  /** SQL giving the value as the text a text source would have carried. */
  readonly text: string;
}

const INTEGER_TYPES = new Set([
  "TINYINT",
  "SMALLINT",
  "INTEGER",
  "BIGINT",
  "UTINYINT",
  "USMALLINT",
  "UINTEGER",
  "UBIGINT",
  "HUGEINT",
]);

/** Whether a column of DuckDB type `type` can feed a field without going through text. */
export function acceptsTyped(def: FieldDef, type: string): boolean {
  switch (def.kind) {
    case "timestamp":
      return type.startsWith("TIMESTAMP");
    case "date":
      return type === "DATE";
    case "bool":
      return type === "BOOLEAN";
    case "int":
      return INTEGER_TYPES.has(type);
    case "float":
      return type === "DOUBLE" || type === "FLOAT" || INTEGER_TYPES.has(type) || type.startsWith("DECIMAL");
    case "string":
    case "enum":
      return false; // text already; empty text must still read as missing
  }
}

/**
 * {@link castSql} for a typed column (see {@link acceptsTyped}): the same typed value or NULL,
 * without the text round trip. Naive timestamps are UTC, as in the text form.
 */
export function typedCastSql(def: FieldDef, col: string, type: string): string {
  switch (def.kind) {
    case "timestamp":
      return type.startsWith("TIMESTAMP WITH") ? `(${col} AT TIME ZONE 'UTC')` : `${col}::TIMESTAMP`;
    case "int":
      return `TRY_CAST(${col} AS INTEGER)`;
    case "float":
      return `CASE WHEN isfinite(${col}::DOUBLE) THEN ${col}::DOUBLE END`;
    default:
      return col;
  }
}

/** Quoted column reference in the raw table. */
export const rawCol = (name: string) => `raw.${quoteIdent(name)}`;
