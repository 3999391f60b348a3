import { STREAM_NAMES, quoteIdent, streamDef, type StreamName } from "@citybrain/datasets";
import type { Store } from "../store/store.ts";
import type { Manifest } from "./manifest.ts";

/** Per stream, the newest time its rows reach (ISO-8601 UTC); see {@link Manifest.through}. */
export type DataThrough = Readonly<Partial<Record<StreamName, string>>>;

const iso = (ms: number) => new Date(ms).toISOString();
const later = (a: string | undefined, b: string): string => (a !== undefined && a > b ? a : b);

/**
 * How far each stream's data reaches for a new manifest version. After a publish of everything
 * (no `changedStreams`) every stream is asked (`max` of its time field, one scan each); after a
 * partial publish the previous version's values carry over, moved on by each changed stream's
 * written range, so an hourly republish asks the store nothing. A stream without rows is left out.
 */
export async function dataThrough(
  store: Store,
  previous: Manifest | null,
  changedStreams: readonly StreamName[] | undefined,
  changedRanges: Readonly<Partial<Record<StreamName, readonly [number, number]>>> | undefined,
): Promise<DataThrough> {
  const carried = changedStreams && previous?.through ? { ...previous.through } : null;
  const out: Partial<Record<StreamName, string>> = carried ?? {};
  const asked: StreamName[] = [];
  for (const stream of carried && changedStreams ? changedStreams : STREAM_NAMES) {
    const range = carried ? changedRanges?.[stream] : undefined;
    if (range) out[stream] = later(out[stream], iso(range[1]));
    else asked.push(stream);
  }
  if (asked.length === 0) return out;
  // One statement for every stream asked: a max per stream, each over its own table.
  const maxOf = (s: StreamName) =>
    `(SELECT epoch_ms(max(${quoteIdent(streamDef(s).timeField)})::TIMESTAMP) FROM ${quoteIdent(s)}) AS ${quoteIdent(s)}`;
  const [row] = await store.query(`SELECT ${asked.map(maxOf).join(", ")}`);
  for (const stream of asked) {
    const t = row?.[stream];
    if (t !== null && t !== undefined) out[stream] = iso(Number(t));
    else delete out[stream];
  }
  return out;
}
