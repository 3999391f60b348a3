import { NO_VALUE } from "./compact-number.ts";

/**
 * Asia/Shanghai has kept UTC+8 with no daylight saving since 1991, so a fixed shift is exact
 * for every time this system shows, and needs no time-zone data in the browser.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const WEEKDAYS_ZH = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** A time as a Date, epoch milliseconds, or an ISO-8601 string with an offset or `Z`. */
export type TimeInput = Date | number | string;

interface LocalParts {
  date: string;
  time: string;
  weekday: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function shanghaiParts(input: TimeInput): LocalParts | null {
  const ms = input instanceof Date ? input.getTime() : typeof input === "number" ? input : Date.parse(input);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    weekday: d.getUTCDay(),
  };
}

/** Options for {@link formatDateTimeZh} and {@link formatDateTimeEn}. */
export interface DateTimeFormatOptions {
  /** Leave out the seconds (`2024-05-01 08:00`). */
  minutes?: boolean;
}

/**
 * A time as `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai (`—` for an invalid input).
 *
 * @example formatDateTimeZh("2024-05-01T00:00:00Z") // => "2024-05-01 08:00:00"
 */
export function formatDateTimeZh(input: TimeInput, options: DateTimeFormatOptions = {}): string {
  const p = shanghaiParts(input);
  if (!p) return NO_VALUE;
  return `${p.date} ${options.minutes ? p.time.slice(0, 5) : p.time}`;
}

/** English variant: the same ISO-like layout, labelled in Beijing time (`… CST`). */
export function formatDateTimeEn(input: TimeInput, options: DateTimeFormatOptions = {}): string {
  const zh = formatDateTimeZh(input, options);
  return zh === NO_VALUE ? zh : `${zh} CST`;
}

/**
 * The title-bar clock: `HH:mm:ss 星期X YYYY-MM-DD` in Asia/Shanghai.
 *
 * @example formatClockZh(Date.UTC(2024, 4, 1, 0, 0, 0)) // => "08:00:00 星期三 2024-05-01"
 */
export function formatClockZh(input: TimeInput): string {
  const p = shanghaiParts(input);
  return p ? `${p.time} ${WEEKDAYS_ZH[p.weekday]} ${p.date}` : NO_VALUE;
}

/** English clock: `HH:mm:ss Wed 2024-05-01` in Asia/Shanghai. */
export function formatClockEn(input: TimeInput): string {
  const p = shanghaiParts(input);
  return p ? `${p.time} ${WEEKDAYS_EN[p.weekday]} ${p.date}` : NO_VALUE;
}

/**
 * The time of day, `HH:mm:ss` in Asia/Shanghai (a camera frame's time, an event's): the same
 * in both languages (`—` for an invalid input).
 *
 * @example formatTimeOfDay("2024-01-06T23:00:05Z") // => "07:00:05"
 */
export function formatTimeOfDay(input: TimeInput): string {
  return shanghaiParts(input)?.time ?? NO_VALUE;
}
