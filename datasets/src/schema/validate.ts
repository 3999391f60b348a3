import type { Fields, RowOf, StreamDef } from "./define-stream.ts";
import type { FieldDef } from "./field.ts";
import { parseTime } from "./parse-time.ts";

/** One problem with one field of one input row. Rows are numbered from 1. */
export interface RowError {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

/** Formats an error the way users read it: `row 17, field "ts": expected …, got "…"`. */
export function formatRowError(e: RowError): string {
  return `row ${e.row}, field "${e.field}": ${e.message}`;
}

/** Thrown when a batch is rejected; carries every row error found (up to a limit). */
export class ValidationError extends Error {
  constructor(
    readonly stream: string,
    readonly errors: readonly RowError[],
  ) {
    const head = errors.slice(0, 3).map(formatRowError).join("; ");
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : "";
    super(`stream "${stream}": ${head}${more}`);
    this.name = "ValidationError";
  }
}

/** A value as messages show it after `got`: text JSON-quoted, objects as JSON, cut at 60 chars. */
export function showValue(v: unknown): string {
  let s: string;
  if (typeof v === "string") s = JSON.stringify(v);
  else if (typeof v === "object" && v !== null) {
    // Objects and arrays as their JSON (what a client sent), not "[object Object]".
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = String(v);
    }
  } else s = String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** The farthest epoch milliseconds a time may be (JavaScript's Date range; DuckDB's is wider). */
export const MAX_TIME_MS = 8.64e15;
/** Int fields are 32-bit (DuckDB INTEGER). */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

/** Parses one raw value (from JSON or CSV text) for a field. */
export function parseValue(def: FieldDef, raw: unknown): Parsed {
  if (raw === null || raw === undefined || raw === "") {
    return def.nullable
      ? { ok: true, value: null }
      : { ok: false, message: `expected a value (${def.doc}), got nothing` };
  }
  const fail = (expected: string): Parsed => ({
    ok: false,
    message: `expected ${expected}, got ${showValue(raw)}`,
  });
  switch (def.kind) {
    case "timestamp": {
      const v = typeof raw === "number" ? raw : typeof raw === "string" ? parseTime(raw) : undefined;
      return v === undefined || !Number.isFinite(v) || Math.abs(v) > MAX_TIME_MS
        ? fail("ISO-8601 time")
        : { ok: true, value: v };
    }
    case "date":
      return typeof raw === "string" && def.pattern?.test(raw) && parseTime(raw) !== undefined
        ? { ok: true, value: raw }
        : fail("a date YYYY-MM-DD");
    case "string":
      if (typeof raw !== "string" && typeof raw !== "number") return fail("text");
      if (def.pattern && !def.pattern.test(String(raw))) return fail(`text matching ${def.pattern}`);
      return { ok: true, value: String(raw) };
    case "enum":
      return typeof raw === "string" && def.values?.includes(raw)
        ? { ok: true, value: raw }
        : fail(`one of ${def.values?.join("|")}`);
    case "bool":
      if (raw === true || raw === "true" || raw === "1" || raw === 1) return { ok: true, value: true };
      if (raw === false || raw === "false" || raw === "0" || raw === 0) return { ok: true, value: false };
      return fail("true or false");
    case "int":
    case "float": {
      const v = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.trim()) : NaN;
      if (!Number.isFinite(v)) return fail(def.kind === "int" ? "an integer" : "a number");
      if (def.kind === "int" && (!Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX))
        return fail("an integer");
      if (def.min !== undefined && v < def.min)
        return fail(`a number ≥ ${def.min}${def.unit ? ` ${def.unit}` : ""}`);
      if (def.max !== undefined && v > def.max)
        return fail(`a number ≤ ${def.max}${def.unit ? ` ${def.unit}` : ""}`);
      return { ok: true, value: v };
    }
  }
}

/** Result of validating a batch: the good rows (typed) and every error, by input row. */
export interface Validated<F extends Fields> {
  rows: RowOf<F>[];
  /** Input row numbers (1-based) of `rows`, in order. */
  rowNumbers: number[];
  errors: RowError[];
}

/**
 * Validates raw records (objects from NDJSON or CSV) against a stream. Unknown fields are an
 * error (a typo must not silently drop data); missing nullable fields become null.
 * @param firstRow number of the first record, for messages (1 unless a file has a header).
 */
export function validateRows<F extends Fields>(
  stream: StreamDef<string, F>,
  records: readonly unknown[],
  firstRow = 1,
): Validated<F> {
  const entries = Object.entries(stream.fields);
  const known = new Set(Object.keys(stream.fields));
  const out: Validated<F> = { rows: [], rowNumbers: [], errors: [] };
  records.forEach((rec, i) => {
    const row = firstRow + i;
    if (typeof rec !== "object" || rec === null || Array.isArray(rec)) {
      out.errors.push({ row, field: "*", message: `expected an object, got ${showValue(rec)}` });
      return;
    }
    const input = rec as Record<string, unknown>;
    const parsed: Record<string, unknown> = {};
    let bad = false;
    for (const [name, def] of entries) {
      const r = parseValue(def, input[name]);
      if (r.ok) parsed[name] = r.value;
      else {
        bad = true;
        out.errors.push({ row, field: name, message: r.message });
      }
    }
    for (const name of Object.keys(input)) {
      if (!known.has(name)) {
        bad = true;
        out.errors.push({ row, field: name, message: `unknown field for stream "${stream.name}"` });
      }
    }
    if (!bad) {
      out.rows.push(parsed as RowOf<F>);
      out.rowNumbers.push(row);
    }
  });
  return out;
}
