/**
 * Injected septic anomalies: a tank that fills past 90 % without being pumped (a blocked outlet
 * or a missed pump-out), a sensor stuck on one reading, and monitors that send nothing.
 */
import { anomalyId, drawSpan } from "../../generators/anomaly-plan.ts";
import { anomalyCounts, anomalyRng, planIds } from "../../generators/live-anomalies.ts";
import type { SiteShape } from "../../generators/site-shapes.ts";
import { DAY_MS, HOUR_MS } from "../../generators/time.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "../../generators/types.ts";

/** 5 minutes, the septic grain. */
export const SEPTIC_STEP_MS = 5 * 60_000;

/** A live tank's delay from crossing 90 % to its pump-out: a 24th of the preset's 1–3 days. */
const pumpedLive = (ms: number) => Math.round(ms / 24 / SEPTIC_STEP_MS) * SEPTIC_STEP_MS;

/**
 * Plans the septic anomalies of a run, each on a different monitor. A filling tank's span runs
 * from the onset of the abnormal inflow to its pump-out (or the end of the run); its details
 * say when the level crosses 90 %.
 */
export function planSepticAnomalies(
  ctx: GeneratorContext<unknown>,
  monitors: readonly SiteShape[],
): GroundTruthAnomaly[] {
  const counts = anomalyCounts(ctx).septic;
  const rng = anomalyRng(ctx, "septic");
  const long = ctx.end - ctx.start > 7 * DAY_MS;
  const order = rng.sample(monitors.length, monitors.length);
  const out: GroundTruthAnomaly[] = [];
  let next = 0;
  const take = (): SiteShape | undefined => monitors[order[next++] ?? -1];
  for (let n = 1; n <= counts.tank_filling; n++) {
    const m = take();
    if (!m) break;
    const onset = drawSpan(rng, ctx.start, ctx.end, {
      minMs: SEPTIC_STEP_MS,
      maxMs: SEPTIC_STEP_MS,
      stepMs: SEPTIC_STEP_MS,
      from: 0.1,
      to: 0.55,
    }).start;
    const cross =
      onset +
      Math.round(
        (rng.range(...((long ? [12, 36] : [3, 8]) as [number, number])) * HOUR_MS) / SEPTIC_STEP_MS,
      ) *
        SEPTIC_STEP_MS;
    const pumped = cross + Math.round((rng.range(1, 3) * DAY_MS) / SEPTIC_STEP_MS) * SEPTIC_STEP_MS;
    out.push({
      id: anomalyId("septic", "tank_filling", n),
      kind: "tank_filling",
      stream: "septic",
      site_id: m.id,
      start: onset,
      // A live day's tank is pumped out 1–3 hours after crossing (a preset's short run: never).
      end: Math.min(
        ctx.end,
        long ? pumped : ctx.block === undefined ? ctx.end : cross + pumpedLive(pumped - cross),
      ),
      details: { crosses_90_at: cross },
    });
  }
  for (let n = 1; n <= counts.stuck_sensor; n++) {
    const m = take();
    if (!m) break;
    const span = drawSpan(rng, ctx.start, ctx.end, {
      minMs: (long ? 3 : 2) * HOUR_MS,
      maxMs: (long ? 12 : 5) * HOUR_MS,
      stepMs: SEPTIC_STEP_MS,
    });
    out.push({
      id: anomalyId("septic", "stuck_sensor", n),
      kind: "stuck_sensor",
      stream: "septic",
      site_id: m.id,
      ...span,
    });
  }
  for (let n = 1; n <= counts.data_gap; n++) {
    const m = take();
    if (!m) break;
    const span = drawSpan(rng, ctx.start, ctx.end, {
      minMs: 1 * HOUR_MS,
      maxMs: (long ? 30 : 6) * HOUR_MS,
      stepMs: SEPTIC_STEP_MS,
    });
    out.push({
      id: anomalyId("septic", "data_gap", n),
      kind: "data_gap",
      stream: "septic",
      site_id: m.id,
      ...span,
    });
  }
  return planIds(ctx, out);
}
