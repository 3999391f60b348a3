/**
 * How the simulator cuts each stream's time line into chunks: one interval of the stream's
 * grain (energy 15 min, traffic 1 min, septic 5 min, air 1 h; cases and generated alerts every
 * 5 min; exchange by local day; credit by local month). A chunk is fed once it is complete;
 * the chunks that completed since the last tick go in one ingest batch named after the window.
 */
import type { StreamName } from "@citybrain/datasets";
import { dateOfDay, dayOfDate, dayStart, localDay } from "@citybrain/datasets/generators";

const MINUTE = 60_000;

/** Fixed chunk lengths (they divide a day, so chunks align with local midnight, UTC+8). */
export const CHUNK_MS: Readonly<Partial<Record<StreamName, number>>> = {
  energy: 15 * MINUTE,
  traffic: MINUTE,
  septic: 5 * MINUTE,
  air: 60 * MINUTE,
  cases: 5 * MINUTE,
  alerts: 5 * MINUTE,
};

/** Streams whose rows are intervals of the stream's grain (the rest are days, months or events). */
export const INTERVAL_STREAMS: readonly StreamName[] = ["energy", "traffic", "septic", "air"];

function monthStart(t: number): number {
  return dayStart(dayOfDate(`${dateOfDay(localDay(t)).slice(0, 8)}01`));
}

/** Start of the chunk of `stream` that holds `t`. */
export function chunkFloor(stream: StreamName, t: number): number {
  const ms = CHUNK_MS[stream];
  if (ms) return Math.floor(t / ms) * ms;
  return stream === "credit" ? monthStart(t) : dayStart(localDay(t));
}

/** Start of the chunk after the one that holds `t`. */
export function chunkNext(stream: StreamName, t: number): number {
  const ms = CHUNK_MS[stream];
  if (ms) return chunkFloor(stream, t) + ms;
  if (stream === "credit") return monthStart(monthStart(t) + 32 * 86_400_000);
  return dayStart(localDay(t) + 1);
}

/** The first chunk start at or after `t`. */
export function chunkCeil(stream: StreamName, t: number): number {
  const floor = chunkFloor(stream, t);
  return floor === t ? t : chunkNext(stream, t);
}

/**
 * The batch id of a window of whole chunks `[start, end)`: `sim:<stream>:<start>/<end>` (ISO
 * times; `part` names a derived batch, e.g. the alerts the rules raised over septic readings).
 * The same window always gets the same id, so feeding it again is a no-op.
 */
export function windowBatchId(stream: StreamName, start: number, end: number, part?: string): string {
  const iso = (t: number) => new Date(t).toISOString();
  return `sim:${stream}:${part ? `${part}:` : ""}${iso(start)}/${iso(end)}`;
}

const ISO = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`;
const BATCH_ID = new RegExp(`^sim:([a-z]+):(${ISO})/(${ISO})$`);

/** The stream and window of a plain (not derived) window batch id, or undefined for any other id. */
export function parseWindowBatchId(id: string): { stream: string; start: number; end: number } | undefined {
  const m = BATCH_ID.exec(id);
  return m
    ? { stream: m[1] as string, start: Date.parse(m[2] as string), end: Date.parse(m[3] as string) }
    : undefined;
}
