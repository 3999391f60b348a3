import { isDictColumn, type Column, type FieldDef } from "../schema/index.ts";
import { utf8Bytes, type ByteBuffer } from "./byte-buffer.ts";
import { writeIsoDate, writeIsoTimestamp } from "./format-time.ts";

/** Writes the value in row `i` of one column, quoted for the target format. */
export type CellWriter = (i: number) => void;

/** How a text format spells strings, nulls and times. */
export interface TextStyle {
  /** Quotes a string value (CSV: only when needed; JSON: always). */
  readonly quote: (s: string) => string;
  /** What a null is written as (CSV: nothing; JSON: `null`). */
  readonly nullText: string;
  /** Whether times and dates are quoted like strings (JSON) or written bare (CSV). */
  readonly quoteTimes: boolean;
}

/** Where a cell is, for error messages: the stream, the field and the batch's first row. */
export interface CellPlace {
  readonly stream: string;
  readonly field: string;
  /** 1-based number of the batch's first row within the whole stream. */
  readonly firstRow: number;
}

function fail(place: CellPlace, i: number, expected: string, got: unknown): never {
  const shown = typeof got === "string" ? JSON.stringify(got) : String(got);
  throw new Error(
    `stream "${place.stream}": row ${place.firstRow + i}, field "${place.field}": expected ${expected}, got ${shown}`,
  );
}

const encodedDictionaries = new WeakMap<TextStyle, WeakMap<readonly string[], Uint8Array[]>>();

/** A dictionary's entries quoted and UTF-8-encoded once (generators reuse one per field). */
function encodedDictionary(style: TextStyle, dictionary: readonly string[]): Uint8Array[] {
  let byDict = encodedDictionaries.get(style);
  if (!byDict) encodedDictionaries.set(style, (byDict = new WeakMap()));
  let encoded = byDict.get(dictionary);
  // The same array may have grown since (a generator appending entries): encode again then.
  if (!encoded || encoded.length !== dictionary.length) {
    encoded = dictionary.map((s) => utf8Bytes(style.quote(s)));
    byDict.set(dictionary, encoded);
  }
  return encoded;
}

type Cells = (def: FieldDef, col: Column, out: ByteBuffer, style: TextStyle, place: CellPlace) => CellWriter;

const dictCells = (def: FieldDef, col: Column, out: ByteBuffer, style: TextStyle, place: CellPlace) => {
  const { codes, dictionary } = col as { codes: Int32Array; dictionary: readonly string[] };
  const dict = encodedDictionary(style, dictionary);
  let longest = 0;
  for (const d of dict) longest = Math.max(longest, d.length);
  const nullText = def.nullable ? style.nullText : undefined;
  return (i: number) => {
    const bytes = dict[codes[i] as number];
    out.ensure(longest);
    if (bytes !== undefined) out.bytes(bytes);
    else if ((codes[i] as number) < 0 && nullText !== undefined) out.ascii(nullText);
    else fail(place, i, `a code into the ${dict.length}-entry dictionary`, codes[i]);
  };
};

const numberCells: Cells = (def, col, out, style, place) => {
  const values = col as ArrayLike<number | null>;
  const isInt = def.kind === "int";
  const expected = isInt ? "an integer" : "a finite number";
  return (i) => {
    const v = values[i];
    if (v === null || v === undefined) {
      if (!def.nullable) fail(place, i, expected, v);
      out.ascii(style.nullText);
    } else if (isInt ? Number.isInteger(v) : Number.isFinite(v)) out.ascii(`${v}`);
    else fail(place, i, expected, v);
  };
};

const timeCells: Cells = (def, col, out, style, place) => {
  const values = col as ArrayLike<number | string | null>;
  const isDate = def.kind === "date";
  const q = style.quoteTimes ? '"' : "";
  const expected = isDate ? "a date YYYY-MM-DD or epoch days" : "epoch milliseconds";
  return (i) => {
    const v = values[i];
    if (v === null || v === undefined) {
      if (!def.nullable) fail(place, i, expected, v);
      out.ascii(style.nullText);
      return;
    }
    if (typeof v === "string") {
      if (!isDate || !def.pattern?.test(v)) fail(place, i, expected, v);
      out.ascii(q + v + q);
      return;
    }
    if (!Number.isFinite(v)) fail(place, i, expected, v);
    if (q) out.ascii(q);
    if (isDate) writeIsoDate(out, v);
    else writeIsoTimestamp(out, v);
    if (q) out.ascii(q);
  };
};

const boolCells: Cells = (def, col, out, style, place) => {
  const values = col as ArrayLike<boolean | null>;
  return (i) => {
    const v = values[i];
    if (v === true || v === false) out.ascii(v ? "true" : "false");
    else if (def.nullable && v === null) out.ascii(style.nullText);
    else fail(place, i, "true or false", v);
  };
};

const stringCells: Cells = (def, col, out, style, place) => {
  const values = col as ArrayLike<string | null>;
  return (i) => {
    const v = values[i];
    if (typeof v === "string") out.utf8(style.quote(v));
    else if (def.nullable && v === null) out.ascii(style.nullText);
    else fail(place, i, "text", v);
  };
};

const BY_KIND: Record<FieldDef["kind"], Cells> = {
  timestamp: timeCells,
  date: timeCells,
  int: numberCells,
  float: numberCells,
  bool: boolCells,
  string: stringCells,
  enum: stringCells,
};

/**
 * Builds the writer of one column of one batch into `out`. Its cells throw (naming stream,
 * row and field) on a value the format cannot represent: a null in a non-nullable field,
 * NaN, a fractional integer, a code outside the dictionary.
 */
export function cellWriter(
  def: FieldDef,
  column: Column,
  out: ByteBuffer,
  style: TextStyle,
  place: CellPlace,
): CellWriter {
  if (isDictColumn(column)) return dictCells(def, column, out, style, place);
  return BY_KIND[def.kind](def, column, out, style, place);
}
