/**
 * A span of Asia/Shanghai calendar days: `start` inclusive, `end` exclusive, both `YYYY-MM-DD`.
 * March 2026 is `{ start: "2026-03-01", end: "2026-04-01" }`.
 */
export interface Period {
  readonly start: string;
  readonly end: string;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of midnight UTC of a `YYYY-MM-DD` date, checked. */
function dateMs(text: string, what: string): number {
  const m = DATE.exec(text);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw new Error(`${what}: expected a date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  }
  return ms;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Validates a period: both dates real, `start` before `end`.
 * @throws Error saying which bound is wrong.
 */
export function checkPeriod(period: Period): Period {
  const a = dateMs(period.start, "period.start");
  const b = dateMs(period.end, "period.end");
  if (b <= a)
    throw new Error(`period: end ${period.end} must be after start ${period.start} (end is exclusive)`);
  return period;
}

/** Number of calendar days in a period. */
export function periodDays(period: Period): number {
  checkPeriod(period);
  return Math.round((dateMs(period.end, "period.end") - dateMs(period.start, "period.start")) / DAY_MS);
}

/**
 * Shifts a date by whole months, clamping to the month's last day (03-31 − 1 month → 02-28),
 * as DuckDB's `date - INTERVAL 1 MONTH` does.
 */
export function addMonths(date: string, months: number): string {
  const d = new Date(dateMs(date, "date"));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return isoDate(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

/** Shifts a date by whole days. */
export function addDays(date: string, days: number): string {
  return isoDate(dateMs(date, "date") + days * DAY_MS);
}

/**
 * Epoch ms (UTC) of the instant Asia/Shanghai midnight starts `date`: what a UTC `ts` column is
 * compared with to select local days.
 */
export function shanghaiMidnightMs(date: string): number {
  return dateMs(date, "date") - 8 * 3_600_000;
}
