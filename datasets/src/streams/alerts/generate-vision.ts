/**
 * A small invented history of vision events (crowding, stopped vehicles, vehicles in
 * pedestrian zones) so a fresh screen has vision alerts: Poisson per day, more crowding at
 * weekends and holidays, at cameras of fitting kinds. Each day depends only on the seed.
 */
import { rngFor } from "../../generators/random.ts";
import type { RunDays } from "../../generators/run-days.ts";
import type { CameraShape } from "../../generators/site-shapes.ts";
import { HOUR_MS, MINUTE_MS, dateOfDay, dayStart } from "../../generators/time.ts";
import type { AlertDraft } from "./generate-anomaly-alerts.ts";

const EVENTS = [
  { rule: "vision.crowding", kinds: ["plaza", "scenic"], severity: "major", text: "人员聚集", weight: 1 },
  {
    rule: "vision.stopped_vehicle",
    kinds: ["highway", "road"],
    severity: "major",
    text: "车辆异常停驶",
    weight: 1,
  },
  {
    rule: "vision.vehicle_in_zone",
    kinds: ["plaza", "school", "community"],
    severity: "minor",
    text: "非机动车道/步行区驶入机动车",
    weight: 1,
  },
] as const;

/** Vision alerts of the run's days. */
export function visionAlerts(
  seed: number,
  run: RunDays,
  cameras: readonly CameraShape[],
  perDay: number,
): AlertDraft[] {
  const pools = EVENTS.map((e) =>
    cameras.filter((c) => (e.kinds as readonly string[]).includes(c.kind ?? "")),
  );
  const out: AlertDraft[] = [];
  for (let d = 0; d < run.days; d++) {
    const day = run.firstDay + d;
    const rng = rngFor(seed, "alerts", "vision", day);
    const offDay = run.dayType[d] !== 0;
    const n = rng.poisson(perDay * (offDay ? 1.5 : 1));
    const times = Array.from({ length: n }, () => dayStart(day) + rng.range(7, 22) * HOUR_MS).sort(
      (a, b) => a - b,
    );
    for (const [k, ts] of times.entries()) {
      const e = rng.int(offDay ? 2 : 3) === 0 ? 0 : 1 + rng.int(2);
      const event = EVENTS[e] as (typeof EVENTS)[number];
      const pool = pools[e] as CameraShape[];
      if (pool.length === 0) continue;
      const camera = rng.pick(pool);
      const id = `ALT-V${dateOfDay(day).replaceAll("-", "")}-${String(k + 1).padStart(3, "0")}`;
      out.push({
        alert_id: id,
        ts: Math.round(ts / 1000) * 1000,
        source: "vision",
        rule: event.rule,
        severity: event.severity,
        site_id: camera.id,
        message: `${camera.id} 检测到${event.text}`,
        evidence: `snapshots/${id}.jpg`,
        resolvedAt: Math.round((ts + rng.range(5, 90) * MINUTE_MS) / 1000) * 1000,
        actor: "指挥中心值班员",
      });
    }
  }
  return out;
}
