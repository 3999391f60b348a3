/**
 * Window contexts: how interval streams generate any [start, end) the same way whatever the
 * cut. Each local day the window touches is generated as a one-day block (its own seeded
 * randomness and live anomaly plan) and the window keeps the rows whose interval starts inside
 * it — so two adjacent windows together hold exactly the rows of the window spanning both.
 */
import { columnValue, isDictColumn, type Column, type ColumnBatch } from "../schema/index.ts";
import { DAY_MS, dayStart, localDay } from "./time.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "./types.ts";

/** The one-day block contexts of the local days a window touches, in day order. */
export function blockContexts<S>(ctx: GeneratorContext<S>): GeneratorContext<S>[] {
  const out: GeneratorContext<S>[] = [];
  for (let day = localDay(ctx.start); day <= localDay(ctx.end - 1); day++) {
    const start = dayStart(day);
    out.push({ ...ctx, start, end: start + DAY_MS, windowed: false, block: day, groundTruth: [] });
  }
  return out;
}

const overlaps = (a: GroundTruthAnomaly, start: number, end: number) => a.start < end && start < a.end;

/** A stream's anomalies in a window: its blocks' plans, those that overlap the window. */
export function windowAnomalies<S>(
  ctx: GeneratorContext<S>,
  plan: (block: GeneratorContext<S>) => GroundTruthAnomaly[],
): GroundTruthAnomaly[] {
  return blockContexts(ctx).flatMap((b) => plan(b).filter((a) => overlaps(a, ctx.start, ctx.end)));
}

/** The rows of a batch at the given indices (ascending), sharing dictionaries. */
export function pickRows(batch: ColumnBatch, rows: readonly number[]): ColumnBatch {
  const columns: Record<string, Column> = {};
  for (const [name, col] of Object.entries(batch.columns)) {
    if (isDictColumn(col)) {
      columns[name] = {
        codes: Int32Array.from(rows, (i) => col.codes[i] as number),
        dictionary: col.dictionary,
      };
    } else if (col instanceof Float64Array) columns[name] = Float64Array.from(rows, (i) => col[i] as number);
    else if (col instanceof Int32Array) columns[name] = Int32Array.from(rows, (i) => col[i] as number);
    else columns[name] = rows.map((i) => columnValue(col, i)) as Column;
  }
  return { length: rows.length, columns };
}

/**
 * Generates an interval stream for a window: runs `generate` on each block and yields the rows
 * whose `timeField` lies in [start, end) (batches may be shorter than `ctx.batchSize`). The
 * blocks' anomalies that overlap the window go to `ctx.groundTruth` as each block starts.
 */
export function* generateInBlocks<S>(
  ctx: GeneratorContext<S>,
  generate: (block: GeneratorContext<S>) => Iterable<ColumnBatch>,
  timeField = "ts",
): Generator<ColumnBatch> {
  for (const block of blockContexts(ctx)) {
    let recorded = 0;
    const record = () => {
      for (; recorded < block.groundTruth.length; recorded++) {
        const a = block.groundTruth[recorded] as GroundTruthAnomaly;
        if (overlaps(a, ctx.start, ctx.end)) ctx.groundTruth.push(a);
      }
    };
    for (const batch of generate(block)) {
      record();
      const ts = batch.columns[timeField];
      if (!(ts instanceof Float64Array))
        throw new Error(`window: column "${timeField}" is not a timestamp column`);
      const keep: number[] = [];
      for (let i = 0; i < batch.length; i++) {
        const t = ts[i] as number;
        if (t >= ctx.start && t < ctx.end) keep.push(i);
      }
      if (keep.length === batch.length) yield batch;
      else if (keep.length > 0) yield pickRows(batch, keep);
    }
    record();
  }
}
