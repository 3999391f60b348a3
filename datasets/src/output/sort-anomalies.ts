import type { GroundTruthAnomaly } from "../generators/index.ts";

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ground truth in a stable order — by stream, start, site, kind, id — with exact duplicates
 * (same stream and id) dropped. Plain code-unit comparison, never locale-dependent.
 */
export function sortAnomalies(list: readonly GroundTruthAnomaly[]): GroundTruthAnomaly[] {
  const seen = new Set<string>();
  const unique = list.filter((a) => {
    const key = `${a.stream}\u0000${a.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      cmp(a.stream, b.stream) ||
      cmp(a.start, b.start) ||
      cmp(a.site_id, b.site_id) ||
      cmp(a.kind, b.kind) ||
      cmp(a.id, b.id),
  );
}
