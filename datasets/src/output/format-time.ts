/**
 * ISO-8601 times and dates written straight into a byte buffer. `Date#toISOString` allocates
 * per value; rows of a batch share few days, so the day's bytes are cached and the time of day
 * is written digit by digit.
 */
import type { ByteBuffer } from "./byte-buffer.ts";

const DAY_MS = 86_400_000;
/** Epoch days of 0001-01-01 and 9999-12-31: outside these the text changes shape. */
const MIN_DAY = -719_162;
const MAX_DAY = 2_932_896;
const ZERO = 48;

let cachedDay = Number.NaN;
let dayBytes: Uint8Array = new Uint8Array(10);
/** Day → its `YYYY-MM-DD` bytes: streams sorted by site revisit the same days per site. */
const days = new Map<number, Uint8Array>();

function setDay(day: number): void {
  let bytes = days.get(day);
  if (!bytes) {
    if (days.size >= 100_000) days.clear();
    const text = new Date(day * DAY_MS).toISOString();
    bytes = new Uint8Array(10);
    for (let k = 0; k < 10; k++) bytes[k] = text.charCodeAt(k);
    days.set(day, bytes);
  }
  dayBytes = bytes;
  cachedDay = day;
}

function checkDay(day: number, what: string, got: number): void {
  if (day === cachedDay) return;
  if (!(day >= MIN_DAY && day <= MAX_DAY))
    throw new RangeError(`expected ${what} in years 1–9999, got ${got}`);
  setDay(day);
}

/**
 * Writes epoch milliseconds (UTC) as `2026-03-01T00:15:00.000Z` (24 bytes), exactly what
 * `new Date(ms).toISOString()` gives; fractional milliseconds are rounded.
 */
export function writeIsoTimestamp(out: ByteBuffer, ms: number): void {
  const t = Math.round(ms);
  const day = Math.floor(t / DAY_MS);
  checkDay(day, "epoch milliseconds", ms);
  let r = t - day * DAY_MS;
  const h = (r / 3_600_000) | 0;
  r -= h * 3_600_000;
  const m = (r / 60_000) | 0;
  r -= m * 60_000;
  const s = (r / 1000) | 0;
  r -= s * 1000;
  out.ensure(24);
  const d = dayBytes;
  const b = out.buf;
  let p = out.pos;
  for (let k = 0; k < 10; k++) b[p++] = d[k] as number;
  b[p++] = 84; // T
  b[p++] = ZERO + ((h / 10) | 0);
  b[p++] = ZERO + (h % 10);
  b[p++] = 58; // :
  b[p++] = ZERO + ((m / 10) | 0);
  b[p++] = ZERO + (m % 10);
  b[p++] = 58;
  b[p++] = ZERO + ((s / 10) | 0);
  b[p++] = ZERO + (s % 10);
  b[p++] = 46; // .
  b[p++] = ZERO + ((r / 100) | 0);
  b[p++] = ZERO + (((r / 10) | 0) % 10);
  b[p++] = ZERO + (r % 10);
  b[p++] = 90; // Z
  out.pos = p;
}

/** Writes days since 1970-01-01 as `YYYY-MM-DD` (10 bytes). */
export function writeIsoDate(out: ByteBuffer, days: number): void {
  if (!Number.isInteger(days)) throw new RangeError(`expected whole days since 1970-01-01, got ${days}`);
  checkDay(days, "days since 1970-01-01", days);
  out.ensure(10);
  out.bytes(dayBytes);
}
