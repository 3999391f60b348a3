const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Offset of Asia/Shanghai from UTC (China has no daylight saving time since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * Parses an ISO-8601 time to epoch milliseconds (UTC). A time without an offset is read as
 * Asia/Shanghai local time, which is what Chinese devices and spreadsheets write.
 * Returns `undefined` when the text is not such a time.
 */
export function parseTime(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) {
    return undefined;
  }
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  const local = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), ms);
  if (new Date(local).getUTCDate() !== day) return undefined; // e.g. 02-30
  if (zone === undefined) return local - SHANGHAI_OFFSET_MS;
  if (zone === "Z") return local;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return local - sign * offset;
}

/** Formats epoch milliseconds as ISO-8601 UTC (`2026-03-01T00:15:00.000Z`). */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString();
}
