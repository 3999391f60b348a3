/**
 * Injected air anomalies: a station whose analysers repeat one hourly record (a stuck data
 * logger) and stations that send nothing for a while. Each on a different station.
 */
import { anomalyId, drawSpan } from "../../generators/anomaly-plan.ts";
import { anomalyCounts, anomalyRng, planIds } from "../../generators/live-anomalies.ts";
import type { SiteShape } from "../../generators/site-shapes.ts";
import { DAY_MS, HOUR_MS } from "../../generators/time.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "../../generators/types.ts";

/** Plans the air anomalies of a run. */
export function planAirAnomalies(
  ctx: GeneratorContext<unknown>,
  stations: readonly SiteShape[],
): GroundTruthAnomaly[] {
  const counts = anomalyCounts(ctx).air;
  const rng = anomalyRng(ctx, "air");
  const long = ctx.end - ctx.start > 7 * DAY_MS;
  const order = rng.sample(stations.length, stations.length);
  const out: GroundTruthAnomaly[] = [];
  const kinds: readonly (readonly ["stuck_sensor" | "data_gap", number, readonly [number, number]])[] = [
    ["stuck_sensor", counts.stuck_sensor, long ? [3, 12] : [3, 6]],
    ["data_gap", counts.data_gap, long ? [2, 30] : [2, 6]],
  ];
  let next = 0;
  for (const [kind, count, [lo, hi]] of kinds) {
    for (let n = 1; n <= count && next < order.length; n++) {
      const station = stations[order[next++] as number] as SiteShape;
      const span = drawSpan(rng, ctx.start, ctx.end, {
        minMs: lo * HOUR_MS,
        maxMs: hi * HOUR_MS,
        stepMs: HOUR_MS,
      });
      out.push({ id: anomalyId("air", kind, n), kind, stream: "air", site_id: station.id, ...span });
    }
  }
  return planIds(ctx, out);
}
