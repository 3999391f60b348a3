/**
 * Copies a site's precomputed series (one value per grid step) into batches in runs: regular
 * streams (energy, septic, air) compute a whole site in scratch arrays, then copy slices.
 */
import type { ColumnBatch, Fields } from "../schema/index.ts";
import type { BatchBuilder } from "./batch-builder.ts";

/** A site's columns: constant dictionary codes and one Float64 value per grid step. */
export interface SeriesColumns {
  readonly codes: Readonly<Record<string, number>>;
  readonly values: Readonly<Record<string, Float64Array>>;
}

/** The grid of interval starts in [start, end) every `stepMs`. */
export function timeGrid(start: number, end: number, stepMs: number): Float64Array {
  const n = Math.max(0, Math.ceil((end - start) / stepMs));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = start + i * stepMs;
  return out;
}

/** Emits rows [from, to) of a series, yielding each batch as it fills. */
export function* emitSeries(
  b: BatchBuilder<Fields>,
  cols: SeriesColumns,
  from: number,
  to: number,
): Generator<ColumnBatch> {
  const codes = Object.entries(cols.codes).map(([name, code]) => [b.codes(name), code] as const);
  const values = Object.entries(cols.values).map(([name, src]) => [b.f64(name), src] as const);
  let i = from;
  while (i < to) {
    const k = Math.min(to - i, b.size - b.fill);
    for (const [dst, code] of codes) dst.fill(code, b.fill, b.fill + k);
    for (const [dst, src] of values) dst.set(src.subarray(i, i + k), b.fill);
    b.fill += k;
    i += k;
    if (b.full) yield b.take();
  }
}

/** Emits rows [0, n) of a series except the index spans in `gaps` ([from, to), any order). */
export function* emitSeriesWithGaps(
  b: BatchBuilder<Fields>,
  cols: SeriesColumns,
  n: number,
  gaps: readonly (readonly [number, number])[],
): Generator<ColumnBatch> {
  const sorted = [...gaps].sort((x, y) => x[0] - y[0]);
  let i = 0;
  for (const [from, to] of sorted) {
    if (from > i) yield* emitSeries(b, cols, i, Math.min(from, n));
    i = Math.max(i, to);
  }
  if (i < n) yield* emitSeries(b, cols, i, n);
}

/** Repeats the value just before `from` over [from, to) in every column: a stuck sensor. */
export function freeze(cols: readonly Float64Array[], from: number, to: number): void {
  const src = Math.max(0, from - 1);
  for (const c of cols) c.fill(c[src] as number, from, Math.min(to, c.length));
}
