import type { RowOf, alerts } from "@citybrain/datasets";
import type { CameraConfig } from "../config/camera-config.ts";
import { TRAFFIC_CLASS_ZH } from "./traffic-class.ts";
import type { RuleEvent } from "./zone-rules.ts";

/** One row of the `alerts` stream. */
export type AlertRow = RowOf<(typeof alerts)["fields"]>;

const SHORT: Record<RuleEvent["kind"], string> = {
  crowding: "CROWD",
  "no-vehicle": "NOVEH",
  "stopped-vehicle": "STOP",
};

/** `20261126T140305Z` (UTC, to the second), as alert ids spell times. */
export function compactUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/**
 * A deterministic alert id: camera, rule, zone, the second the condition began and (for
 * per-object rules) the track, e.g. `VIS-CAM-00822-CROWD-plaza-20261126T140305Z`. The same
 * video replayed gives the same ids, so re-ingesting is a no-op rather than a duplicate.
 */
export function alertId(cameraId: string, event: RuleEvent): string {
  const track = event.trackId === undefined ? "" : `-T${event.trackId}`;
  return `VIS-${cameraId}-${SHORT[event.kind]}-${event.zone.id}-${compactUtc(event.startedAt)}${track}`;
}

/** Whole seconds, for messages. */
function seconds(ms: number): number {
  return Math.max(0, Math.round(ms / 1000));
}

/** The zh-CN message of an event, e.g. `人民路与潼龙路路口（CAM-00822）广场：人员聚集 12 人，已持续 30 秒`. */
export function alertMessage(camera: CameraConfig, event: RuleEvent): string {
  const where = `${camera.name ?? camera.id}（${camera.id}）${event.zone.name ?? event.zone.id}`;
  const held = seconds(event.at - event.startedAt);
  const what = event.trafficClass ? TRAFFIC_CLASS_ZH[event.trafficClass] : "车辆";
  const target = event.trackId === undefined ? "" : `（目标 #${event.trackId}）`;
  switch (event.kind) {
    case "crowding":
      return `${where}：人员聚集 ${event.count ?? 0} 人，已持续 ${held} 秒`;
    case "no-vehicle":
      return `${where}：禁行区域驶入${what}${target}`;
    case "stopped-vehicle":
      return `${where}：${what}异常停驶，已静止 ${held} 秒${target}`;
  }
}

/** The `alerts` row of a rule event, opened at the frame that raised it. */
export function alertRow(camera: CameraConfig, event: RuleEvent, evidence: string | null): AlertRow {
  return {
    alert_id: alertId(camera.id, event),
    ts: event.startedAt,
    source: "vision",
    rule: event.rule,
    severity: event.severity,
    site_id: camera.id,
    town_code: camera.townCode,
    lon: camera.lon,
    lat: camera.lat,
    message: alertMessage(camera, event),
    evidence,
    status: "open",
    updated_at: event.at,
    actor: null,
  };
}
