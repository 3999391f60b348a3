import { DataType, tableFromIPC, type Table, type Type } from "apache-arrow";
import { ParseError } from "./parse-error.ts";

const DAY_MS = 86_400_000;

/** An Arrow value as ingest sees it: timestamps as epoch ms, dates as YYYY-MM-DD, 64-bit ints as numbers. */
export function convertArrowValue(typeId: Type, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (DataType.isTimestamp({ typeId } as DataType)) return Number(v);
  if (DataType.isDate({ typeId } as DataType)) {
    const ms = v instanceof Date ? v.getTime() : Number(v);
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

/** Reads rows of a decoded Arrow table as records (timestamps as epoch ms); rows are 0-based. */
export function arrowRecords(table: Table, rows: Iterable<number>): Record<string, unknown>[] {
  const cols = table.schema.fields.map((f, i) => ({
    name: f.name,
    typeId: f.type.typeId,
    vector: table.getChildAt(i),
  }));
  const out: Record<string, unknown>[] = [];
  for (const r of rows) {
    const rec: Record<string, unknown> = {};
    for (const c of cols) rec[c.name] = convertArrowValue(c.typeId, c.vector?.get(r));
    out.push(rec);
  }
  return out;
}

/** Decodes Arrow IPC (stream or file format) into records; timestamps become epoch ms. */
export function parseArrow(bytes: Uint8Array): Record<string, unknown>[] {
  const table = decodeArrow(bytes);
  return arrowRecords(table, table.numRows === 0 ? [] : Array.from({ length: table.numRows }, (_, i) => i));
}
