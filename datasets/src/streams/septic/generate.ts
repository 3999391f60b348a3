/**
 * Septic stream generator: 5-minute readings per monitor of the preset's share of the 152
 * septic-tank monitors, in monitor order. Injects filling tanks, stuck sensors and data gaps.
 */
import type { ColumnBatch } from "../../schema/index.ts";
import { septic } from "./schema.ts";
import { recordAnomalies, spanIndices } from "../../generators/anomaly-plan.ts";
import { BatchBuilder } from "../../generators/batch-builder.ts";
import { presetOf } from "../../generators/presets.ts";
import { runDays } from "../../generators/run-days.ts";
import { generateInBlocks, windowAnomalies } from "../../generators/window.ts";
import { selectEvenly } from "../../generators/select-sites.ts";
import { emitSeriesWithGaps, freeze, timeGrid } from "../../generators/series-emit.ts";
import type { GeneratorSites, SepticTankShape } from "../../generators/site-shapes.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "../../generators/types.ts";
import { SEPTIC_STEP_MS, planSepticAnomalies } from "./generate-anomalies.ts";
import { fillSepticSeries } from "./generate-series.ts";

/** The monitors a run generates. */
export function septicMonitors(ctx: GeneratorContext<GeneratorSites>): SepticTankShape[] {
  return selectEvenly(ctx.sites.septicTanks, presetOf(ctx.preset).sites.septic);
}

/** The septic anomalies a run injects (a pure function of the context). */
export function septicAnomalies(ctx: GeneratorContext<GeneratorSites>): GroundTruthAnomaly[] {
  if (ctx.windowed) return windowAnomalies(ctx, septicAnomalies);
  return planSepticAnomalies(ctx, septicMonitors(ctx));
}

/**
 * Generates the septic stream.
 * @example
 * const ctx = makeContext({ preset: "tiny", seed: 1 });
 * const rows = [...generateSeptic(ctx)].reduce((n, b) => n + b.length, 0);
 */
export function* generateSeptic(ctx: GeneratorContext<GeneratorSites>): Generator<ColumnBatch> {
  if (ctx.windowed) return yield* generateInBlocks(ctx, generateSeptic);
  const monitors = septicMonitors(ctx);
  const planned = planSepticAnomalies(ctx, monitors);
  recordAnomalies(ctx.groundTruth, planned);
  const grid = timeGrid(ctx.start, ctx.end, SEPTIC_STEP_MS);
  const n = grid.length;
  const run = runDays(ctx.seed, ctx.start, ctx.end);
  const b = new BatchBuilder(septic, ctx.batchSize, {
    monitor_id: monitors.map((m) => m.id),
    town_code: [...new Set(monitors.map((m) => m.town_code))].sort(),
  });
  const series = {
    level: new Float64Array(n),
    ch4: new Float64Array(n),
    h2s: new Float64Array(n),
    temp: new Float64Array(n),
  };
  for (const [i, m] of monitors.entries()) {
    const mine = planned.filter((a) => a.site_id === m.id);
    fillSepticSeries(
      series,
      m.id,
      ctx.seed,
      ctx.start,
      run,
      mine.find((a) => a.kind === "tank_filling"),
      ctx.block,
    );
    const gaps: [number, number][] = [];
    for (const a of mine) {
      const [from, to] = spanIndices(a, ctx.start, SEPTIC_STEP_MS);
      if (a.kind === "stuck_sensor") freeze([series.level, series.ch4, series.h2s, series.temp], from, to);
      if (a.kind === "data_gap") gaps.push([from, to]);
    }
    const cols = {
      codes: { monitor_id: i, town_code: b.codeOf("town_code", m.town_code) },
      values: {
        ts: grid,
        ch4_lel: series.ch4,
        h2s_ppm: series.h2s,
        level_pct: series.level,
        temperature_c: series.temp,
      },
    };
    yield* emitSeriesWithGaps(b, cols, n, gaps);
  }
  if (b.fill > 0) yield b.take();
}
