import type { FieldType } from "./field-type.ts";
import type { TimeGrain } from "./query-spec.ts";

/**
 * Asia/Shanghai has kept a fixed UTC+8 offset (no daylight saving) since 1991, so shifting a
 * UTC TIMESTAMP by 8 hours gives its local wall-clock time exactly, in both DuckDB engines,
 * without the ICU extension (which DuckDB-WASM cannot load offline).
 */
export const SHANGHAI_UTC_OFFSET_HOURS = 8;

/**
 * SQL for a dimension truncated to `grain`.
 *
 * - `timestamp` (UTC instant): truncated in Asia/Shanghai local time; the result is the local
 *   wall-clock start of the bucket as a naive TIMESTAMP.
 * - `date` (already a local day): truncated and cast back to DATE; `hour` is rejected.
 * - unknown type: plain `date_trunc`, i.e. the column is taken to be local time already.
 *
 * Weeks start on Monday (ISO), as in China.
 *
 * @param column the already-quoted column
 * @throws Error when the grain does not fit the type (an `hour` grain on a DATE).
 */
export function grainExpression(column: string, grain: TimeGrain, type: FieldType | undefined): string {
  if (type === "timestamp") {
    return `date_trunc('${grain}', ${column} + INTERVAL ${SHANGHAI_UTC_OFFSET_HOURS} HOUR)`;
  }
  if (type === "date") {
    if (grain === "hour") throw new Error(`grain "hour" needs a timestamp field, but ${column} is a DATE`);
    return `CAST(date_trunc('${grain}', ${column}) AS DATE)`;
  }
  if (type !== undefined)
    throw new Error(`grain "${grain}" needs a date or timestamp field, but ${column} is ${type}`);
  return `date_trunc('${grain}', ${column})`;
}
