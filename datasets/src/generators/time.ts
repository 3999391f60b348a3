/**
 * Day arithmetic in Asia/Shanghai (UTC+8, no daylight saving), on integer day indices: day 0 is
 * 1970-01-01 local. Generators loop over local days and slots, so these stay allocation-free.
 */
import { SHANGHAI_OFFSET_MS } from "../schema/index.ts";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Local (Asia/Shanghai) day index of an epoch-ms instant. */
export function localDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight of an epoch-ms instant. */
export function localTimeOfDay(ms: number): number {
  const t = (ms + SHANGHAI_OFFSET_MS) % DAY_MS;
  return t < 0 ? t + DAY_MS : t;
}

/** Epoch ms (UTC) of local midnight starting day `day`. */
export function dayStart(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** Day index of a local calendar date "YYYY-MM-DD". Throws on anything else. */
export function dayOfDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || !Number.isFinite(ms) || new Date(ms).getUTCDate() !== Number(m[3])) {
    throw new Error(`expected a date "YYYY-MM-DD", got ${JSON.stringify(date)}`);
  }
  return ms / DAY_MS;
}

/** Local calendar date "YYYY-MM-DD" of a day index. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a day index: 0 Sunday … 6 Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Month (0–11) of a day index. */
export function monthOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCMonth();
}

/** Day of year, 0-based (1 January is 0). */
export function dayOfYear(day: number): number {
  const d = new Date(day * DAY_MS);
  return day - Date.UTC(d.getUTCFullYear(), 0, 1) / DAY_MS;
}

/** Day index of the first day of the month containing `day`. */
export function monthStartDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

/** Day index of the first day of the month after the one containing `day`. */
export function nextMonthStartDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
}
