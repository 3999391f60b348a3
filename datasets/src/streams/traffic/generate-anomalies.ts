/**
 * Injected traffic anomalies: a jam at one camera (counts drop and speeds collapse in one
 * direction for 20–60 minutes, by day) and cameras that send nothing for a while.
 */
import { anomalyId, drawSpan } from "../../generators/anomaly-plan.ts";
import { presetOf } from "../../generators/presets.ts";
import { rngFor } from "../../generators/random.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../generators/time.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "../../generators/types.ts";
import type { CountingCamera } from "./generate-cameras.ts";

/** Plans the traffic anomalies of a run. Jams prefer busy roads; gaps go to other cameras. */
export function planTrafficAnomalies(
  ctx: GeneratorContext<unknown>,
  cams: readonly CountingCamera[],
): GroundTruthAnomaly[] {
  const counts = presetOf(ctx.preset).anomalies.traffic;
  const rng = rngFor(ctx.seed, "traffic", "anomalies");
  const long = ctx.end - ctx.start > 7 * DAY_MS;
  const busy = cams.filter((c) => c.category !== "scenic" && c.category !== "rural");
  const pool = busy.length > 0 ? busy : cams;
  const out: GroundTruthAnomaly[] = [];
  const jammed = new Set<string>();
  for (let n = 1; n <= counts.traffic_jam && pool.length > 0; n++) {
    const cam = pool[rng.int(pool.length)] as CountingCamera;
    jammed.add(cam.camera.id);
    const span = drawSpan(rng, ctx.start, ctx.end, {
      minMs: 20 * MINUTE_MS,
      maxMs: 60 * MINUTE_MS,
      stepMs: MINUTE_MS,
      from: 0.05,
      to: 0.9,
      hours: [7.5, 19],
    });
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
  const rest = cams.filter((c) => !jammed.has(c.camera.id));
  const gapCams = (rest.length > 0 ? rest : cams).map((c) => c.camera.id);
  for (const [n, k] of rng.sample(gapCams.length, counts.data_gap).entries()) {
    const span = drawSpan(rng, ctx.start, ctx.end, {
      minMs: 30 * MINUTE_MS,
      maxMs: (long ? 24 : 4) * HOUR_MS,
      stepMs: MINUTE_MS,
    });
    out.push({
      id: anomalyId("traffic", "data_gap", n + 1),
      kind: "data_gap",
      stream: "traffic",
      site_id: gapCams[k] as string,
      ...span,
    });
  }
  return out;
}
