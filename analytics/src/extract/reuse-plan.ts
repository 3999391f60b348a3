import { createHash } from "node:crypto";
import type { StreamName } from "@citybrain/datasets";
import type { ExtractDef } from "./extract-defs.ts";
import type { ManifestEntry } from "./manifest.ts";
import { dayOfMs, monthsOfRange, type DaySpan } from "./month-parts.ts";

/** What changed since the previous publish (see `PublishOptions`). */
export interface PublishChanges {
  readonly changedStreams?: readonly StreamName[];
  readonly changedRanges?: Readonly<Partial<Record<StreamName, readonly [number, number]>>>;
}

/**
 * What to do with an extract: reuse every file, recompute everything, only some months (of
 * those, only the changed `days` when the extract is day-local), or only some days of a whole
 * day-local extract.
 */
export type ReusePlan =
  | { readonly kind: "all" }
  | { readonly kind: "none" }
  | { readonly kind: "months"; readonly first: string; readonly last: string; readonly days: DaySpan | null }
  | { readonly kind: "days"; readonly days: DaySpan };

/** Bump when the files written for the same definition change (layout, types, encodings). */
const WRITER_VERSION = 3; // 2: zstd siblings; 3: dictionary-encoded text

/** A hash of everything that decides an extract's files; reuse needs an identical one. */
export function definitionHash(def: ExtractDef, parquet: boolean): string {
  const key = [WRITER_VERSION, def.sql, def.timeColumn ?? null, def.partitionBy ?? null, parquet];
  if (def.incremental) key.push(def.incremental);
  return createHash("sha256").update(JSON.stringify(key)).digest("hex").slice(0, 32);
}

/**
 * Decides what of an extract can be reused from `previous` (already matched on definition):
 * nothing without a list of changed streams or without the extract's streams; everything when
 * none of its streams changed; when its changed streams all came with a time range, everything
 * but the months from the first to the last month those ranges touch (partitioned), and of
 * those only the days from the first to the last touched day (`incremental: "day"`).
 */
export function reusePlan(
  def: ExtractDef,
  previous: ManifestEntry | undefined,
  changes: PublishChanges,
): ReusePlan {
  const changed = changes.changedStreams;
  if (!previous || !changed || !def.streams) return { kind: "none" };
  const hit = def.streams.filter((s) => changed.includes(s));
  if (hit.length === 0) return { kind: "all" };
  if (!changes.changedRanges || (!def.partitionBy && def.incremental !== "day")) return { kind: "none" };
  const months: string[] = [];
  let [lo, hi] = [Infinity, -Infinity];
  for (const s of hit) {
    const range = changes.changedRanges[s];
    if (!range) return { kind: "none" };
    months.push(...monthsOfRange(range));
    [lo, hi] = [Math.min(lo, range[0]), Math.max(hi, range[1])];
  }
  if (!(lo <= hi)) return { kind: "all" };
  const days = def.incremental === "day" ? { first: dayOfMs(lo), last: dayOfMs(hi) } : null;
  if (!def.partitionBy) return days ? { kind: "days", days } : { kind: "none" };
  months.sort();
  const [first, last] = [months[0], months.at(-1)];
  return first && last ? { kind: "months", first, last, days } : { kind: "all" };
}
