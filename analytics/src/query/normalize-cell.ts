import type { FieldType } from "./field-type.ts";
import type { Cell } from "./query-connector.ts";

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `YYYY-MM-DD` of an engine date/timestamp, read in UTC (naive DuckDB times map to UTC epochs). */
function isoDay(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function isoDateTime(d: Date): string {
  return `${isoDay(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * Turn one engine value into a {@link Cell}, so both DuckDB engines answer alike: bigint →
 * number (exact up to 2^53, which counts and sums of meters stay far below), Date or epoch
 * milliseconds of a `date` column → `YYYY-MM-DD`, of a `timestamp` column → `YYYY-MM-DD HH:MM:SS`.
 *
 * @param kind the column's type, from {@link fieldTypeFromDuckDb} or the Arrow schema
 * @throws Error for a value of a kind no extract should produce (a nested list, a blob).
 */
export function normalizeCell(value: unknown, kind: FieldType): Cell {
  if (value === null || value === undefined) return null;
  if (kind === "date" || kind === "timestamp") {
    const d = value instanceof Date ? value : typeof value === "number" ? new Date(value) : null;
    if (d) return kind === "date" ? isoDay(d) : isoDateTime(d);
  }
  switch (typeof value) {
    case "bigint":
      return Number(value);
    case "number":
    case "string":
    case "boolean":
      return value;
    default:
      throw new Error(
        `cannot turn a ${kind} value of type ${typeof value} into a plain cell: ${String(value)}`,
      );
  }
}
