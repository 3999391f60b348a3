import {
  DataType,
  TimeUnit,
  tableFromIPC,
  type Data,
  type Table,
  type Type,
  type Vector,
} from "apache-arrow";
import { MAX_TIME_MS } from "@citybrain/datasets";
import { ParseError } from "./parse-error.ts";

const DAY_MS = 86_400_000;

/** An Arrow value as ingest sees it: timestamps as epoch ms, dates as YYYY-MM-DD, 64-bit ints as numbers. */
function convertArrowValue(typeId: Type, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (DataType.isTimestamp({ typeId } as DataType)) return Number(v);
  if (DataType.isDate({ typeId } as DataType)) {
    const ms = v instanceof Date ? v.getTime() : Number(v);
    // A day no calendar holds stays a number, for the validator to refuse by value.
    if (!(Math.abs(ms) <= MAX_TIME_MS)) return ms;
    return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  }
  if (typeof v === "bigint") return Number(v);
  return v;
}

/** Decodes Arrow IPC (stream or file format) into a table, or throws a {@link ParseError}. */
export function decodeArrow(bytes: Uint8Array): Table {
  let table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    throw new ParseError(`not an Arrow IPC stream or file (${(e as Error).message})`);
  }
  // apache-arrow yields an empty table for bytes that hold no schema message at all.
  if (table.schema.fields.length === 0)
    throw new ParseError("not an Arrow IPC stream or file (no schema found)");
  return table;
}

const UNIT_TO_MS: Record<number, number> = {
  [TimeUnit.SECOND]: 1000,
  [TimeUnit.MILLISECOND]: 1,
  [TimeUnit.MICROSECOND]: 1e-3,
  [TimeUnit.NANOSECOND]: 1e-6,
};

/** A 64-bit value apache-arrow refuses to turn into a number (beyond 2^53), as the nearest one. */
function nearestNumber(data: Data, row: number, error: unknown): number | null {
  if (!data.getValid(row)) return null;
  const values = data.values as unknown;
  if (!(values instanceof BigInt64Array || values instanceof BigUint64Array)) throw error;
  const n = Number(values[row]);
  const type = data.type as DataType;
  // Timestamps in their unit become ms; a 64-bit date is DateMillisecond already.
  return DataType.isTimestamp(type) ? n * (UNIT_TO_MS[type.unit] ?? 1) : n;
}

/**
 * One value of a column as ingest sees it (see {@link convertArrowValue}). Corrupt or hostile
 * 64-bit values beyond 2^53, which apache-arrow refuses to convert, come back as the nearest
 * number, for the validator to refuse with the row and field named.
 */
export function arrowValue(vector: Vector, row: number): unknown {
  const typeId = vector.type.typeId;
  try {
    return convertArrowValue(typeId, vector.get(row));
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    let i = row;
    for (const data of vector.data) {
      if (i < data.length) return convertArrowValue(typeId, nearestNumber(data, i, error));
      i -= data.length;
    }
    throw error;
  }
}

/** Reads rows of a decoded Arrow table as records (timestamps as epoch ms); rows are 0-based. */
export function arrowRecords(table: Table, rows: Iterable<number>): Record<string, unknown>[] {
  const cols = table.schema.fields.map((f, i) => ({ name: f.name, vector: table.getChildAt(i) }));
  const out: Record<string, unknown>[] = [];
  for (const r of rows) {
    const rec: Record<string, unknown> = {};
    for (const c of cols) rec[c.name] = c.vector ? arrowValue(c.vector, r) : null;
    out.push(rec);
  }
  return out;
}

/** Decodes Arrow IPC (stream or file format) into records; timestamps become epoch ms. */
export function parseArrow(bytes: Uint8Array): Record<string, unknown>[] {
  const table = decodeArrow(bytes);
  return arrowRecords(
    table,
    Array.from({ length: table.numRows }, (_, i) => i),
  );
}
