/**
 * Energy stream generator: 15-minute consumption per meter of the selected enterprises, in
 * meter order, each meter's rows in time order. Injects leaks and data gaps (see
 * generate-anomalies.ts) and records them in `ctx.groundTruth`.
 */
import type { ColumnBatch } from "../../schema/index.ts";
import { energy } from "./schema.ts";
import { recordAnomalies, spanIndices } from "../../generators/anomaly-plan.ts";
import { BatchBuilder } from "../../generators/batch-builder.ts";
import { presetOf } from "../../generators/presets.ts";
import { runDays } from "../../generators/run-days.ts";
import { generateInBlocks, windowAnomalies } from "../../generators/window.ts";
import { selectEvenly } from "../../generators/select-sites.ts";
import { emitSeriesWithGaps, timeGrid } from "../../generators/series-emit.ts";
import type { GeneratorSites } from "../../generators/site-shapes.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "../../generators/types.ts";
import { planEnergyAnomalies } from "./generate-anomalies.ts";
import { metersOf, type Meter } from "./generate-meters.ts";
import { addLeak, fillMeterSeries } from "./generate-series.ts";

/** 15 minutes, the energy grain. */
export const ENERGY_STEP_MS = 15 * 60_000;

/** The meters a run generates: those of the preset's share of the enterprises. */
export function energyMeters(ctx: GeneratorContext<GeneratorSites>): Meter[] {
  return metersOf(selectEvenly(ctx.sites.enterprises, presetOf(ctx.preset).sites.energy));
}

/** The energy anomalies a run injects (a pure function of the context). */
export function energyAnomalies(ctx: GeneratorContext<GeneratorSites>): GroundTruthAnomaly[] {
  if (ctx.windowed) return windowAnomalies(ctx, energyAnomalies);
  return planEnergyAnomalies(ctx, energyMeters(ctx));
}

const unique = (xs: readonly string[]) => [...new Set(xs)].sort();

/**
 * Generates the energy stream.
 * @example
 * for (const batch of generateEnergy(makeContext({ preset: "tiny", seed: 1 }))) write(batch);
 */
export function* generateEnergy(ctx: GeneratorContext<GeneratorSites>): Generator<ColumnBatch> {
  if (ctx.windowed) return yield* generateInBlocks(ctx, generateEnergy);
  const meters = energyMeters(ctx);
  const planned = planEnergyAnomalies(ctx, meters);
  recordAnomalies(ctx.groundTruth, planned);
  const grid = timeGrid(ctx.start, ctx.end, ENERGY_STEP_MS);
  const run = runDays(ctx.seed, ctx.start, ctx.end);
  const b = new BatchBuilder(energy, ctx.batchSize, {
    meter_id: meters.map((m) => m.id),
    enterprise_id: unique(meters.map((m) => m.enterprise.id)),
    town_code: unique(meters.map((m) => m.enterprise.town_code)),
  });
  const value = new Float64Array(grid.length);
  for (const [i, meter] of meters.entries()) {
    fillMeterSeries(value, meter, ctx.seed, ctx.start, run, ctx.block);
    const mine = planned.filter((a) => a.site_id === meter.id);
    const gaps: [number, number][] = [];
    for (const a of mine) {
      if (a.kind === "meter_leak") {
        addLeak(value, spanIndices(a, ctx.start, ENERGY_STEP_MS)[0], Number(a.details?.extra_per_interval));
      } else gaps.push(spanIndices(a, ctx.start, ENERGY_STEP_MS));
    }
    const codes = {
      meter_id: i,
      enterprise_id: b.codeOf("enterprise_id", meter.enterprise.id),
      industry: b.codeOf("industry", meter.enterprise.industry),
      town_code: b.codeOf("town_code", meter.enterprise.town_code),
      carrier: b.codeOf("carrier", meter.carrier),
    };
    yield* emitSeriesWithGaps(b, { codes, values: { ts: grid, value } }, grid.length, gaps);
  }
  if (b.fill > 0) yield b.take();
}
