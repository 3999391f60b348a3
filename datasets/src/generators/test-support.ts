/**
 * Helpers the generator tests share: contexts over the real reference sites, collecting rows of
 * one site, and validating batches against their stream schema.
 */
import {
  batchToRows,
  columnValue,
  validateRows,
  type ColumnBatch,
  type Fields,
  type StreamDef,
} from "../schema/index.ts";
import { generateSites } from "../reference/sites/generate-sites.ts";
import { makeContext } from "./context.ts";
import type { GeneratorSites } from "./site-shapes.ts";
import { DAY_MS } from "./time.ts";
import type { GeneratorContext, PresetName } from "./types.ts";

let sites: GeneratorSites | undefined;

/** The test sites: the reference sites of seed 42 with 800 rather than 12,400 cameras (faster). */
export function testSites(): GeneratorSites {
  return (sites ??= generateSites({ seed: 42, counts: { cameras: 800 } }));
}

/** A fresh context for a preset over {@link testSites}. */
export function testContext(
  preset: PresetName,
  seed = 1,
  change: Partial<Omit<GeneratorContext<GeneratorSites>, "groundTruth">> & { days?: number } = {},
): GeneratorContext<GeneratorSites> {
  const base = makeContext({ preset, seed, sites: testSites() });
  const { days, ...rest } = change;
  const start = days === undefined ? base.start : base.end - days * DAY_MS;
  return { ...base, start, ...rest, groundTruth: [] };
}

/** Every row of a run whose `field` equals `value`, as [ts, row] in order. */
export function rowsWhere(
  batches: readonly ColumnBatch[],
  field: string,
  value: string,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const b of batches) {
    const col = b.columns[field];
    if (!col) throw new Error(`no column "${field}"`);
    const keep: number[] = [];
    for (let i = 0; i < b.length; i++) if (columnValue(col, i) === value) keep.push(i);
    if (keep.length === 0) continue;
    const rows = batchToRows(b);
    for (const i of keep) out.push(rows[i] as Record<string, unknown>);
  }
  return out;
}

/** Validation errors of every row of the batches (formatted), at most `limit`. */
export function validationErrors<F extends Fields>(
  stream: StreamDef<string, F>,
  batches: readonly ColumnBatch[],
  limit = 5,
): string[] {
  const errors: string[] = [];
  for (const b of batches) {
    for (const e of validateRows(stream, batchToRows(b)).errors) {
      if (errors.length < limit) errors.push(`${e.row} ${e.field}: ${e.message}`);
    }
  }
  return errors;
}
