const OFFSET_MS = 8 * 3_600_000;

/** A time given as epoch ms (UTC), an ISO-8601 string or a Date. */
export type TimeInput = number | string | Date;

/** Epoch ms (UTC) of a time input; strings must carry an offset or `Z`. */
export function toEpochMs(t: TimeInput): number {
  const ms = typeof t === "number" ? t : typeof t === "string" ? Date.parse(t) : t.getTime();
  if (!Number.isFinite(ms)) throw new Error(`expected a time (epoch ms, ISO-8601 or Date), got ${String(t)}`);
  return ms;
}

/** Asia/Shanghai calendar day `YYYY-MM-DD` of an instant. */
export function localDayOf(t: TimeInput): string {
  return new Date(toEpochMs(t) + OFFSET_MS).toISOString().slice(0, 10);
}

/** Asia/Shanghai hour of day (0–23) of an instant. */
export function localHourOf(t: TimeInput): number {
  return new Date(toEpochMs(t) + OFFSET_MS).getUTCHours();
}

/** Asia/Shanghai minute of day (0–1439) of an instant. */
export function localMinuteOfDay(t: TimeInput): number {
  const d = new Date(toEpochMs(t) + OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}
