/**
 * Air stream generator: hourly records of the preset's share of the 30 eco-environment
 * stations, weather-driven (generate-regional.ts), in station order. Injects stuck loggers and
 * data gaps.
 */
import type { ColumnBatch } from "../../schema/index.ts";
import { air } from "./schema.ts";
import { recordAnomalies, spanIndices } from "../../generators/anomaly-plan.ts";
import { BatchBuilder } from "../../generators/batch-builder.ts";
import { presetOf } from "../../generators/presets.ts";
import { runDays } from "../../generators/run-days.ts";
import { generateInBlocks, windowAnomalies } from "../../generators/window.ts";
import { selectEvenly } from "../../generators/select-sites.ts";
import { emitSeriesWithGaps, freeze, timeGrid } from "../../generators/series-emit.ts";
import type { EcoStationShape, GeneratorSites } from "../../generators/site-shapes.ts";
import { HOUR_MS } from "../../generators/time.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "../../generators/types.ts";
import { planAirAnomalies } from "./generate-anomalies.ts";
import { regionalAir } from "./generate-regional.ts";
import { fillAirSeries } from "./generate-series.ts";

/** The stations a run generates. */
export function airStations(ctx: GeneratorContext<GeneratorSites>): EcoStationShape[] {
  return selectEvenly(ctx.sites.ecoStations, presetOf(ctx.preset).sites.air);
}

/** The air anomalies a run injects (a pure function of the context). */
export function airAnomalies(ctx: GeneratorContext<GeneratorSites>): GroundTruthAnomaly[] {
  if (ctx.windowed) return windowAnomalies(ctx, airAnomalies);
  return planAirAnomalies(ctx, airStations(ctx));
}

/**
 * Generates the air stream.
 * @example
 * const batches = [...generateAir(makeContext({ preset: "tiny", seed: 1 }))];
 */
export function* generateAir(ctx: GeneratorContext<GeneratorSites>): Generator<ColumnBatch> {
  if (ctx.windowed) return yield* generateInBlocks(ctx, generateAir);
  const stations = airStations(ctx);
  const planned = planAirAnomalies(ctx, stations);
  recordAnomalies(ctx.groundTruth, planned);
  const grid = timeGrid(ctx.start, ctx.end, HOUR_MS);
  const n = grid.length;
  const run = runDays(ctx.seed, ctx.start, ctx.end);
  const region = regionalAir(ctx.seed, run);
  const b = new BatchBuilder(air, ctx.batchSize, {
    station_id: stations.map((s) => s.id),
    town_code: [...new Set(stations.map((s) => s.town_code))].sort(),
  });
  const names = ["pm25", "pm10", "so2", "no2", "co", "o3", "noise"] as const;
  const series = Object.fromEntries(names.map((k) => [k, new Float64Array(n)])) as Record<
    (typeof names)[number],
    Float64Array
  >;
  for (const [i, station] of stations.entries()) {
    fillAirSeries(series, station, ctx.seed, ctx.start, run, region, ctx.block);
    const gaps: [number, number][] = [];
    for (const a of planned.filter((p) => p.site_id === station.id)) {
      const [from, to] = spanIndices(a, ctx.start, HOUR_MS);
      if (a.kind === "stuck_sensor") freeze(Object.values(series), from, to);
      else gaps.push([from, to]);
    }
    const { noise, ...pollutants } = series;
    const cols = {
      codes: { station_id: i, town_code: b.codeOf("town_code", station.town_code) },
      values: { ts: grid, ...pollutants, noise_db: noise },
    };
    yield* emitSeriesWithGaps(b, cols, n, gaps);
  }
  if (b.fill > 0) yield b.take();
}
