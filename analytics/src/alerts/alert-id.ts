/**
 * The deterministic id of an alert: rule, site and the start of its condition, so that replaying
 * the same readings yields the same ids (and the alerts stream's upsert stays idempotent).
 *
 * @example alertId("septic.ch4", "SEP-012", Date.UTC(2026, 2, 1, 2, 5)) // => "septic.ch4:SEP-012:20260301T020500Z"
 */
export function alertId(rule: string, siteId: string, start: number): string {
  const iso = new Date(start).toISOString(); // 2026-03-01T02:05:00.000Z
  const compact = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return `${rule}:${siteId}:${compact}`;
}
