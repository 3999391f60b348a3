import { dateValue, timestampValue, type DuckDBAppender } from "@duckdb/node-api";
import type { FieldDef, Fields, RowOf } from "@citybrain/datasets";

const DAY_MS = 86_400_000;

/** Appends validated rows to an appender, column by column in field order. */
export function appendRows<F extends Fields>(
  appender: DuckDBAppender,
  fields: F,
  rows: readonly RowOf<F>[],
): void {
  const defs = Object.entries(fields) as [string, FieldDef][];
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    for (const [name, def] of defs) {
      const v = r[name];
      if (v === null || v === undefined) {
        appender.appendNull();
        continue;
      }
      switch (def.kind) {
        case "timestamp":
          appender.appendTimestamp(timestampValue(BigInt(Math.round(v as number)) * 1000n));
          break;
        case "date":
          appender.appendDate(dateValue(Math.round(Date.parse(`${v as string}T00:00:00Z`) / DAY_MS)));
          break;
        case "int":
          appender.appendInteger(v as number);
          break;
        case "float":
          appender.appendDouble(v as number);
          break;
        case "bool":
          appender.appendBoolean(v as boolean);
          break;
        case "string":
        case "enum":
          appender.appendVarchar(v as string);
          break;
      }
    }
    appender.endRow();
  }
}

/** The epoch-ms range of a time field over rows (dates count from their UTC midnight). */
export function timeRangeOf<F extends Fields>(
  fields: F,
  timeField: string,
  rows: readonly RowOf<F>[],
): [number, number] | null {
  if (rows.length === 0) return null;
  const isDate = fields[timeField]?.kind === "date";
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows) {
    const raw = (row as Record<string, unknown>)[timeField];
    const ms = isDate ? Date.parse(`${raw as string}T00:00:00Z`) : (raw as number);
    if (ms < lo) lo = ms;
    if (ms > hi) hi = ms;
  }
  return [lo, hi];
}
