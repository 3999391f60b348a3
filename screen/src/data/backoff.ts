/**
 * How long to wait before retry number `attempt` (1, 2, …): `baseMs` doubling, at most `maxMs`.
 * An unattended wall retries forever, so the cap keeps a long outage from silencing it.
 *
 * @example backoffMs(1) // => 2000; backoffMs(3) // => 8000; backoffMs(10) // => 60000
 */
export function backoffMs(attempt: number, baseMs = 2000, maxMs = 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** (attempt - 1));
}
