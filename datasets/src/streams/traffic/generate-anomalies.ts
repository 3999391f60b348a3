/**
 * Injected traffic anomalies: a jam at one camera (counts drop and speeds collapse in one
 * direction for 20–60 minutes, by day) and cameras that send nothing for a while.
 */
import { anomalyId, drawSpan } from "../../generators/anomaly-plan.ts";
import { anomalyCounts, anomalyRng, planIds } from "../../generators/live-anomalies.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../generators/time.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "../../generators/types.ts";
import type { CountingCamera } from "./generate-cameras.ts";

/** Plans the traffic anomalies of a run. Jams prefer busy roads; gaps go to other cameras. */
export function planTrafficAnomalies(
  ctx: GeneratorContext<unknown>,
  cams: readonly CountingCamera[],
): GroundTruthAnomaly[] {
  const counts = anomalyCounts(ctx).traffic;
  const rng = anomalyRng(ctx, "traffic");
  const long = ctx.end - ctx.start > 7 * DAY_MS;
  const busy = cams.filter((c) => c.category !== "scenic" && c.category !== "rural");
  const pool = busy.length > 0 ? busy : cams;
  const out: GroundTruthAnomaly[] = [];
  const jammed = new Set<string>();
  for (let n = 1; n <= counts.traffic_jam && pool.length > 0; n++) {
    const cam = pool[rng.int(pool.length)] as CountingCamera;
    jammed.add(cam.camera.id);
    const options = { minMs: 20 * MINUTE_MS, maxMs: 60 * MINUTE_MS, stepMs: MINUTE_MS, from: 0.05, to: 0.9 };
    let span = drawSpan(rng, ctx.start, ctx.end, { ...options, hours: [7.5, 19] });
    const overlaps = () =>
      out.some((a) => a.site_id === cam.camera.id && a.start < span.end && span.start < a.end);
    for (let attempt = 0; attempt < 10 && overlaps(); attempt++) {
      span = drawSpan(rng, ctx.start, ctx.end, { ...options, hours: [7.5, 19] });
    }
    const direction = rng.chance(0.5) ? "up" : "down";
    out.push({
      id: anomalyId("traffic", "traffic_jam", n),
      kind: "traffic_jam",
      stream: "traffic",
      site_id: cam.camera.id,
      ...span,
      details: { direction, line_id: "L1" },
    });
  }
  // Gaps go to cameras without a jam first; with few cameras they share, never overlapping.
  const order = [...rng.sample(cams.length, cams.length)].sort(
    (x, y) =>
      Number(jammed.has((cams[x] as CountingCamera).camera.id)) -
      Number(jammed.has((cams[y] as CountingCamera).camera.id)),
  );
  for (let n = 1; n <= counts.data_gap && order.length > 0; n++) {
    const cam = (cams[order[(n - 1) % order.length] as number] as CountingCamera).camera.id;
    for (let attempt = 0; attempt < 10; attempt++) {
      const span = drawSpan(rng, ctx.start, ctx.end, {
        minMs: 30 * MINUTE_MS,
        maxMs: (long ? 24 : 4) * HOUR_MS,
        stepMs: MINUTE_MS,
      });
      if (out.some((a) => a.site_id === cam && a.start < span.end && span.start < a.end)) continue;
      out.push({
        id: anomalyId("traffic", "data_gap", n),
        kind: "data_gap",
        stream: "traffic",
        site_id: cam,
        ...span,
      });
      break;
    }
  }
  return planIds(ctx, out);
}
