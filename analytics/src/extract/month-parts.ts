/** How a time column is stored: a local calendar day, or a UTC instant. */
export type TimeKind = "date" | "timestamp";

const SHANGHAI_MS = 8 * 3_600_000;
const MONTH = /^(\d{4})-(\d{2})$/;

/** Which kind a DuckDB column type is, or null when it is neither. */
export function timeKindOf(duckdbType: string): TimeKind | null {
  const t = duckdbType.trim().toUpperCase();
  if (t === "DATE") return "date";
  if (/^TIMESTAMP(_S|_MS|_NS)?$/.test(t)) return "timestamp";
  return null;
}

/** SQL for the Asia/Shanghai month (`YYYY-MM`) of a column. */
export function localMonthSql(column: string, kind: TimeKind): string {
  return kind === "date" ? `strftime(${column}, '%Y-%m')` : `strftime(${column} + INTERVAL 8 HOUR, '%Y-%m')`;
}

function checkMonth(month: string): [number, number] {
  const m = MONTH.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new Error(`month: expected YYYY-MM, got ${JSON.stringify(month)}`);
  return [Number(m[1]), Number(m[2])];
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = checkMonth(month);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * A WHERE fragment selecting the local months `first` … `last` (inclusive) of a column:
 * written on the raw column, so DuckDB prunes by min/max.
 */
export function monthsWhereSql(column: string, kind: TimeKind, first: string, last: string): string {
  const bound = (month: string) =>
    kind === "date" ? `DATE '${month}-01'` : `(TIMESTAMP '${month}-01 00:00:00' - INTERVAL 8 HOUR)`;
  checkMonth(first);
  return `${column} >= ${bound(first)} AND ${column} < ${bound(nextMonth(last))}`;
}

/** The local month of an epoch-ms instant (a DATE's ms at UTC midnight gives its own month). */
export function monthOfMs(ms: number): string {
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 7);
}

/** Every local month that an epoch-ms range [lo, hi] touches, in order. */
export function monthsOfRange(range: readonly [number, number]): string[] {
  const last = monthOfMs(range[1]);
  const out: string[] = [];
  for (let m = monthOfMs(range[0]); m <= last; m = nextMonth(m)) out.push(m);
  return out;
}
