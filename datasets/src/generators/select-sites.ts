/**
 * Which sites a preset generates: a deterministic, evenly spread subset of the reference lists,
 * so a small preset still covers the district and a site keeps its series in every preset.
 */
import type { CameraShape } from "./site-shapes.ts";

/** `n` items spread evenly over `items` (all of them when n ≥ length), in list order. */
export function selectEvenly<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[Math.floor(((i + 0.5) * items.length) / n)] as T);
  return out;
}

/** Camera kinds that carry counting lines; cameras without a kind count too. */
export const COUNTING_KINDS: readonly string[] = ["intersection", "highway", "road", "scenic"];

/**
 * Counting cameras: `n` cameras taken round-robin over the counting kinds (so intersections,
 * highway entrances, roads and scenic spots are all represented), evenly within each kind.
 */
export function selectCountingCameras<C extends CameraShape>(cameras: readonly C[], n: number): C[] {
  const groups = COUNTING_KINDS.map((k) => cameras.filter((c) => (c.kind ?? "road") === k));
  const quota = groups.map(() => 0);
  let left = Math.min(
    n,
    groups.reduce((s, g) => s + g.length, 0),
  );
  while (left > 0) {
    groups.forEach((g, i) => {
      if (left > 0 && (quota[i] as number) < g.length) {
        quota[i] = (quota[i] as number) + 1;
        left--;
      }
    });
  }
  const chosen = new Set(groups.flatMap((g, i) => selectEvenly(g, quota[i] as number)));
  return cameras.filter((c) => chosen.has(c));
}
