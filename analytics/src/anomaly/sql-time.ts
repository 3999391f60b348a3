import { quoteIdent } from "@citybrain/datasets";
import type { SqlParam } from "../store/store.ts";
import type { TimeRange } from "./detected-anomaly.ts";

/** Local (Asia/Shanghai, UTC+8 all year) time of a UTC `TIMESTAMP` column, as SQL. */
export function localTs(column = "ts"): string {
  return `(${quoteIdent(column)} + INTERVAL 8 HOUR)`;
}

/** Epoch ms of a `TIMESTAMP` expression, as SQL (a DOUBLE-safe BIGINT). */
export function epochMs(expr: string): string {
  return `epoch_ms(${expr})`;
}

/** A `TIMESTAMP` from an epoch-ms parameter, as SQL. */
export const TS_PARAM = "make_timestamp(?::BIGINT * 1000)";

/**
 * A `WHERE` condition restricting `ts` to a range, and its parameters. `lookbackMs` widens the
 * start so that trailing baselines have history.
 */
export function rangeCondition(
  range: TimeRange,
  lookbackMs = 0,
  column = "ts",
): { sql: string; params: SqlParam[] } {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  if (range.from !== undefined) {
    parts.push(`${quoteIdent(column)} >= ${TS_PARAM}`);
    params.push(range.from - lookbackMs);
  }
  if (range.to !== undefined) {
    parts.push(`${quoteIdent(column)} < ${TS_PARAM}`);
    params.push(range.to);
  }
  return { sql: parts.length > 0 ? parts.join(" AND ") : "TRUE", params };
}
