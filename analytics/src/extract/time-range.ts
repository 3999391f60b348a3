import type { Table } from "apache-arrow";

/**
 * ISO strings of the smallest and largest value of `column` (a DATE or TIMESTAMP column of the
 * extract), or null when the extract has no such column or no rows.
 */
export function timeRange(table: Table, column: string | undefined): [string, string] | null {
  const col = column ? table.getChild(column) : null;
  if (!col || table.numRows === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of col) {
    if (v === null) continue;
    const ms = v instanceof Date ? v.getTime() : Number(v);
    if (ms < lo) lo = ms;
    if (ms > hi) hi = ms;
  }
  return lo <= hi ? [new Date(lo).toISOString(), new Date(hi).toISOString()] : null;
}
