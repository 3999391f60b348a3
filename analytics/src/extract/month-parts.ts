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

/** SQL for the Asia/Shanghai day (a DATE) of a column. */
export function localDaySql(column: string, kind: TimeKind): string {
  return kind === "date" ? column : `CAST(${column} + INTERVAL 8 HOUR AS DATE)`;
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

/** Asia/Shanghai calendar days `first` … `last` (YYYY-MM-DD, inclusive). */
export interface DaySpan {
  readonly first: string;
  readonly last: string;
}

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Shanghai day of an epoch-ms instant (a DATE's ms at UTC midnight gives its own day). */
export const dayOfMs = (ms: number): string => new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** The day `n` days after `day` (YYYY-MM-DD). */
export const addDays = (day: string, n: number): string =>
  new Date((dayNumber(day) + n) * DAY_MS).toISOString().slice(0, 10);

/** A WHERE fragment selecting the local days of `span` on the raw column (DuckDB prunes by min/max). */
export function daysWhereSql(column: string, kind: TimeKind, span: DaySpan): string {
  if (!DAY.test(span.first) || !DAY.test(span.last))
    throw new Error(`days: expected YYYY-MM-DD, got ${JSON.stringify(span)}`);
  const end = new Date((dayNumber(span.last) + 1) * DAY_MS).toISOString().slice(0, 10);
  const bound = (day: string) =>
    kind === "date" ? `DATE '${day}'` : `(TIMESTAMP '${day} 00:00:00' - INTERVAL 8 HOUR)`;
  return `${column} >= ${bound(span.first)} AND ${column} < ${bound(end)}`;
}
