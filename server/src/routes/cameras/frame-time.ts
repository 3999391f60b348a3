/** A capture time, or why the given one is not usable. */
export type FrameTime =
  { readonly ok: true; readonly timestamp: number } | { readonly ok: false; readonly message: string };

/** ISO-8601 date-time with a zone (`Z` or an offset); local times would be ambiguous. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The capture time of a pushed frame from `?ts=` (which wins) or `X-Frame-Time`; now when neither
 * is given. A time more than `maxAheadMs` ahead of the server clock is refused: it would close
 * the camera's open counting minutes early.
 * @example
 * parseFrameTime({ query: "2026-03-01T16:00:00+08:00", now: Date.now(), maxAheadMs: 60_000 });
 */
export function parseFrameTime(o: {
  readonly query: string | undefined;
  readonly header: string | undefined;
  readonly now: number;
  readonly maxAheadMs: number;
}): FrameTime {
  const where = o.query !== undefined ? "?ts" : "X-Frame-Time";
  const raw = (o.query ?? o.header)?.trim();
  if (raw === undefined || raw === "") return { ok: true, timestamp: o.now };
  const timestamp = ISO_WITH_ZONE.test(raw) ? Date.parse(raw) : NaN;
  if (!Number.isFinite(timestamp)) {
    return {
      ok: false,
      message: `${where}: expected an ISO-8601 time with a zone, e.g. 2026-03-01T08:00:00.000Z or 2026-03-01T16:00:00+08:00; got "${raw.slice(0, 64)}"`,
    };
  }
  if (timestamp > o.now + o.maxAheadMs) {
    const ahead = Math.round((timestamp - o.now) / 1000);
    return {
      ok: false,
      message: `${where}: ${raw} is ${ahead} s ahead of the server clock (at most ${o.maxAheadMs / 1000} s accepted); check the camera's clock`,
    };
  }
  return { ok: true, timestamp };
}
