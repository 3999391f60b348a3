/**
 * Traffic stream generator: per-minute crossings at each counting camera's lines, by direction
 * and class, with mean speed. Counts are Poisson around the shaped flow; only rows with a count
 * above zero are emitted (a quiet minute has no row), which keeps the volume sane. Speeds dip as
 * flow nears capacity. Injects jams and data gaps.
 */
import type { ColumnBatch } from "../../schema/index.ts";
import { traffic } from "./schema.ts";
import { recordAnomalies } from "../../generators/anomaly-plan.ts";
import { BatchBuilder } from "../../generators/batch-builder.ts";
import { presetOf } from "../../generators/presets.ts";
import { rngFor } from "../../generators/random.ts";
import { blockLabels } from "../../generators/live-anomalies.ts";
import { runDays } from "../../generators/run-days.ts";
import { generateInBlocks, windowAnomalies } from "../../generators/window.ts";
import type { GeneratorSites } from "../../generators/site-shapes.ts";
import { MINUTE_MS, localDay, localTimeOfDay } from "../../generators/time.ts";
import { MINUTES_PER_DAY, trafficDayFactor, trafficShape } from "../../generators/traffic-cycles.ts";
import type { DayType } from "../../generators/cycles.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "../../generators/types.ts";
import { countingCameras, type CountingCamera } from "./generate-cameras.ts";
import { planTrafficAnomalies } from "./generate-anomalies.ts";

/** The counting cameras a run generates. */
export function trafficCameras(ctx: GeneratorContext<GeneratorSites>): CountingCamera[] {
  const { cameras, roads = [] } = ctx.sites;
  return countingCameras(ctx.seed, cameras, roads, presetOf(ctx.preset).sites.traffic);
}

/** The traffic anomalies a run injects (a pure function of the context). */
export function trafficAnomalies(ctx: GeneratorContext<GeneratorSites>): GroundTruthAnomaly[] {
  if (ctx.windowed) return windowAnomalies(ctx, trafficAnomalies);
  return planTrafficAnomalies(ctx, trafficCameras(ctx));
}

const bump = (m: number, at: number, sd: number) => Math.exp(-0.5 * ((m - at) / sd) ** 2);
/** Inbound share swing by minute: inbound heavier in the morning, outbound in the evening. */
const SWING = Float64Array.from(
  { length: MINUTES_PER_DAY },
  (_, m) => 0.12 * (bump(m, 495, 60) - bump(m, 1095, 60)),
);

/**
 * Generates the traffic stream.
 * @example
 * const batches = [...generateTraffic(makeContext({ preset: "tiny", seed: 1 }))];
 */
export function* generateTraffic(ctx: GeneratorContext<GeneratorSites>): Generator<ColumnBatch> {
  if (ctx.windowed) return yield* generateInBlocks(ctx, generateTraffic);
  const cams = trafficCameras(ctx);
  const planned = planTrafficAnomalies(ctx, cams);
  recordAnomalies(ctx.groundTruth, planned);
  const run = runDays(ctx.seed, ctx.start, ctx.end);
  const b = new BatchBuilder(traffic, ctx.batchSize, {
    camera_id: cams.map((c) => c.camera.id),
    line_id: ["L1", "L2"],
    road_id: [...new Set(cams.map((c) => c.roadId))].sort(),
    town_code: [...new Set(cams.map((c) => c.camera.town_code))].sort(),
  });
  const [ts, count, speed] = [b.f64("ts"), b.i32("count"), b.f64("mean_speed_kmh")];
  const [camC, lineC, roadC, townC] = [
    b.codes("camera_id"),
    b.codes("line_id"),
    b.codes("road_id"),
    b.codes("town_code"),
  ];
  const [dirC, classC] = [b.codes("direction"), b.codes("class")];
  const minutes = Math.ceil((ctx.end - ctx.start) / MINUTE_MS);
  const lambda = new Float64Array(6);
  for (const [ci, cam] of cams.entries()) {
    const rng = rngFor(ctx.seed, "traffic", cam.camera.id, "counts", ...blockLabels(ctx));
    const mine = planned.filter((a) => a.site_id === cam.camera.id);
    const gaps = mine.filter((a) => a.kind === "data_gap");
    const jams = mine.filter((a) => a.kind === "traffic_jam");
    const codes = {
      road: b.codeOf("road_id", cam.roadId),
      town: b.codeOf("town_code", cam.camera.town_code),
    };
    const capacity = cam.peak * 1.1;
    let day = NaN;
    let shape = trafficShape(cam.category, 0);
    let level = 0;
    let wet = 1;
    for (let i = 0; i < minutes; i++) {
      const t = ctx.start + i * MINUTE_MS;
      if (gaps.some((g) => t >= g.start && t < g.end)) continue;
      const minute = Math.floor(localTimeOfDay(t) / MINUTE_MS);
      if (localDay(t) !== day) {
        day = localDay(t);
        const d = Math.min(run.days - 1, Math.max(0, day - run.firstDay));
        const dayType = run.dayType[d] as DayType;
        shape = trafficShape(cam.category, dayType);
        level =
          trafficDayFactor(cam.category, dayType, day, cam.camera.town_code) * Math.exp(0.08 * rng.normal());
        wet = (run.weather.rainMm[d] as number) > 2 ? 0.5 : 1; // two-wheelers and walkers stay in
      }
      const s = (shape[minute] as number) * level;
      for (let li = 0; li < cam.lines.length; li++) {
        const lineFactor = li === 0 ? 1 : 0.55;
        for (let dir = 0; dir < 2; dir++) {
          const split = 1 + cam.inbound * (dir === 0 ? 1 : -1) * (SWING[minute] as number);
          const flow = cam.peak * s * lineFactor * split;
          const jam =
            li === 0 &&
            jams.some((j) => t >= j.start && t < j.end && (j.details?.direction === "up") === (dir === 0));
          const congestion = 1 - 0.5 * Math.min(1, flow / capacity) ** 3;
          for (let c = 0; c < 5; c++)
            lambda[c] = flow * (cam.shares[c] as number) * (c >= 3 ? wet : 1) * (jam ? 0.35 : 1);
          lambda[5] = cam.personPeak * s * lineFactor * split * wet;
          for (let c = 0; c < 6; c++) {
            const n = rng.poisson(lambda[c] as number);
            if (n === 0) continue;
            const free = cam.freeSpeed[c] as number;
            const v =
              jam && c < 5
                ? rng.range(3, 12)
                : free * (c === 5 ? 1 : congestion) * (1 + (0.12 / Math.sqrt(n)) * rng.normal());
            const f = b.fill;
            ts[f] = t;
            camC[f] = ci;
            lineC[f] = li;
            roadC[f] = codes.road;
            townC[f] = codes.town;
            dirC[f] = dir;
            classC[f] = c;
            count[f] = n;
            speed[f] = Math.max(1, Math.round(v * 10) / 10);
            if (++b.fill === b.size) yield b.take();
          }
        }
      }
    }
  }
  if (b.fill > 0) yield b.take();
}
