/**
 * The anomaly plan of window contexts: every local day is a block with its own small, seeded
 * plan (a tank that fills, a sensor that sticks, a camera that goes dark…), so a live feed has
 * something to alert on every day, wherever its windows fall. Preset runs keep their own plan.
 */
import type { AnomalyCounts } from "./presets.ts";
import { presetOf } from "./presets.ts";
import { rngFor, type Random } from "./random.ts";
import { dateOfDay } from "./time.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "./types.ts";

/** Anomalies injected per local day of a window, per stream and kind (whatever the preset). */
export const LIVE_ANOMALIES: AnomalyCounts = {
  energy: { meter_leak: 1, data_gap: 1 },
  septic: { tank_filling: 1, stuck_sensor: 1, data_gap: 1 },
  air: { stuck_sensor: 1, data_gap: 1 },
  traffic: { traffic_jam: 2, data_gap: 1 },
};

/** How many anomalies of each kind a context plans: the live counts for a block, else the preset's. */
export function anomalyCounts(ctx: GeneratorContext<unknown>): AnomalyCounts {
  return ctx.block === undefined ? presetOf(ctx.preset).anomalies : LIVE_ANOMALIES;
}

/** The generator a stream's anomaly plan draws from; a block's depends on its day too. */
export function anomalyRng(ctx: GeneratorContext<unknown>, stream: string): Random {
  return ctx.block === undefined
    ? rngFor(ctx.seed, stream, "anomalies")
    : rngFor(ctx.seed, stream, "anomalies", "day", ctx.block);
}

/** Labels that make a series' randomness depend on its block's day (none for preset runs). */
export function blockLabels(ctx: { readonly block?: number }): (string | number)[] {
  return ctx.block === undefined ? [] : ["day", ctx.block];
}

/**
 * A plan as the context records it: a block's ids carry its local date
 * (`septic-tank_filling-20261125-1`), so ids stay unique along a live time line.
 */
export function planIds(ctx: GeneratorContext<unknown>, plan: GroundTruthAnomaly[]): GroundTruthAnomaly[] {
  if (ctx.block === undefined) return plan;
  const date = dateOfDay(ctx.block).replaceAll("-", "");
  return plan.map((a) => ({ ...a, id: a.id.replace(/-(\d+)$/, `-${date}-$1`) }));
}
