/**
 * Injected energy anomalies: a water meter whose night-time baseline rises and stays high (a
 * leak after the meter), and meters that send nothing for a while (data gaps).
 */
import { anomalyId, drawSpan } from "../../generators/anomaly-plan.ts";
import { anomalyCounts, anomalyRng, planIds } from "../../generators/live-anomalies.ts";
import { HOUR_MS } from "../../generators/time.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "../../generators/types.ts";
import type { Meter } from "./generate-meters.ts";

const STEP = 15 * 60_000;

/**
 * Plans the energy anomalies of a run: leaks on water meters of day-time enterprises (where a
 * night baseline means something), gaps on any meter, each on a different meter.
 */
export function planEnergyAnomalies(
  ctx: GeneratorContext<unknown>,
  meters: readonly Meter[],
): GroundTruthAnomaly[] {
  const counts = anomalyCounts(ctx).energy;
  const rng = anomalyRng(ctx, "energy");
  const out: GroundTruthAnomaly[] = [];
  const used = new Set<number>();
  const water = meters
    .map((m, i) => [m, i] as const)
    .filter(([m]) => m.carrier === "water" && m.profile !== "shift3" && m.profile !== "residential");
  for (const k of rng.sample(water.length, counts.meter_leak)) {
    const [meter, index] = water[k] as (typeof water)[number];
    used.add(index);
    const span = drawSpan(rng, ctx.start, ctx.end, {
      minMs: STEP,
      maxMs: STEP,
      stepMs: STEP,
      from: 0.1,
      to: 0.45,
    });
    const extra = Math.round(meter.mean * rng.range(0.4, 0.8) * 1000) / 1000;
    out.push({
      id: anomalyId("energy", "meter_leak", out.length + 1),
      kind: "meter_leak",
      stream: "energy",
      site_id: meter.id,
      start: span.start,
      end: ctx.end,
      details: { carrier: "water", extra_per_interval: extra, unit: "t" },
    });
  }
  const free = meters.map((_, i) => i).filter((i) => !used.has(i));
  const long = ctx.end - ctx.start > 7 * 24 * HOUR_MS;
  let gaps = 0;
  for (const k of rng.sample(free.length, counts.data_gap)) {
    const meter = meters[free[k] as number] as Meter;
    const span = drawSpan(rng, ctx.start, ctx.end, {
      minMs: 2 * HOUR_MS,
      maxMs: (long ? 36 : 6) * HOUR_MS,
      stepMs: STEP,
    });
    out.push({
      id: anomalyId("energy", "data_gap", ++gaps),
      kind: "data_gap",
      stream: "energy",
      site_id: meter.id,
      start: span.start,
      end: span.end,
    });
  }
  return planIds(ctx, out);
}
