/**
 * The rows of one stream chunk, from the datasets' window generators. Interval streams are
 * generated a local day at a time (a window of one whole day is exactly one generator block)
 * and cut into chunks from that cache, so a one-minute traffic chunk does not regenerate the
 * day; the other streams are generated per chunk.
 */
import { batchToRows, type PresetName, type StreamName } from "@citybrain/datasets";
import {
  GENERATORS,
  dayStart,
  localDay,
  makeContext,
  type GeneratorSites,
} from "@citybrain/datasets/generators";
import { INTERVAL_STREAMS } from "./chunk-grid.ts";

/** A generated row as the store's ingest takes it (timestamps in epoch ms). */
export type SimRow = Record<string, unknown>;

interface DayRows {
  readonly day: number;
  readonly rows: readonly SimRow[];
  readonly ts: Float64Array;
}

/** First index of `ts` (ascending) whose value is ≥ `t`. */
function lowerBound(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ts[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Generates chunk rows for one preset, seed and site list. */
export class ChunkSource {
  readonly #days = new Map<StreamName, DayRows>();

  constructor(
    readonly preset: PresetName,
    readonly seed: number,
    readonly sites: GeneratorSites,
  ) {}

  #generate(stream: StreamName, start: number, end: number): SimRow[] {
    const ctx = makeContext({ preset: this.preset, seed: this.seed, sites: this.sites, start, end });
    const rows: SimRow[] = [];
    for (const batch of GENERATORS[stream](ctx)) for (const row of batchToRows(batch)) rows.push(row);
    return rows;
  }

  #day(stream: StreamName, day: number): DayRows {
    const cached = this.#days.get(stream);
    if (cached?.day === day) return cached;
    const rows = this.#generate(stream, dayStart(day), dayStart(day + 1));
    rows.sort((a, b) => (a.ts as number) - (b.ts as number)); // stable: site order within a time
    const entry = { day, rows, ts: Float64Array.from(rows, (r) => r.ts as number) };
    this.#days.set(stream, entry);
    return entry;
  }

  /** The rows of `stream` in [start, end), time-ordered for interval streams. */
  rows(stream: StreamName, start: number, end: number): SimRow[] {
    if (!INTERVAL_STREAMS.includes(stream)) return this.#generate(stream, start, end);
    const out: SimRow[] = [];
    for (let day = localDay(start); day <= localDay(end - 1); day++) {
      const d = this.#day(stream, day);
      out.push(...d.rows.slice(lowerBound(d.ts, start), lowerBound(d.ts, end)));
    }
    return out;
  }
}
