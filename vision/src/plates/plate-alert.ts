import type { CameraConfig } from "../config/camera-config.ts";
import type { AlertRow } from "../pipeline/alert-rows.ts";
import { compactUtc } from "../pipeline/alert-rows.ts";
import type { Scene } from "../pipeline/scene.ts";
import { TRAFFIC_CLASS_ZH } from "../pipeline/traffic-class.ts";
import type { PlateRead } from "./plate-read.ts";

/** Rule id of plate-read alerts (watchlist hits included: they differ in severity and wording). */
export const PLATE_RULE_ID = "vision.plate_read";

/**
 * A deterministic alert id: camera, zone (or `frame`), the second the vehicle was first seen and
 * its track, e.g. `VIS-CAM-00822-PLATE-gate-20261126T140305Z-T7`. Replaying a video gives the
 * same ids, so re-ingesting is a no-op.
 */
export function plateAlertId(camera: CameraConfig, read: PlateRead): string {
  const zone = camera.plates?.zone ?? "frame";
  return `VIS-${camera.id}-PLATE-${zone}-${compactUtc(read.firstSeen)}-T${read.trackId}`;
}

/**
 * The zh-CN message, e.g. `人民路卡口（CAM-1）入口：识别车牌 渝A·D1234（小汽车，目标 #7，置信度 97%）`;
 * a watchlisted plate reads `…：布控车牌 渝A·D1234 出现（…）`.
 */
export function plateAlertMessage(camera: CameraConfig, read: PlateRead): string {
  const zone = camera.zones.find((z) => z.id === camera.plates?.zone);
  const where = `${camera.name ?? camera.id}（${camera.id}）${zone ? (zone.name ?? zone.id) : ""}`;
  const detail = `（${TRAFFIC_CLASS_ZH[read.trafficClass]}，目标 #${read.trackId}，置信度 ${Math.round(read.confidence * 100)}%）`;
  return read.watchlisted
    ? `${where}：布控车牌 ${read.plate} 出现${detail}`
    : `${where}：识别车牌 ${read.plate}${detail}`;
}

/** The `alerts` row of a plate read: `ts` is the frame the plate was read in. */
export function plateAlertRow(camera: CameraConfig, read: PlateRead, evidence: string | null): AlertRow {
  const severity = read.watchlisted
    ? (camera.plates?.watchlistSeverity ?? "major")
    : (camera.plates?.severity ?? "info");
  return {
    alert_id: plateAlertId(camera, read),
    ts: read.at,
    source: "vision",
    rule: PLATE_RULE_ID,
    severity,
    site_id: camera.id,
    town_code: camera.townCode,
    lon: camera.lon,
    lat: camera.lat,
    message: plateAlertMessage(camera, read),
    evidence,
    status: "open",
    updated_at: read.at,
    actor: null,
  };
}

/** The read's frame with the vehicle emphasised, the plate text under its box and the message as caption. */
export function plateEvidenceScene(camera: CameraConfig, read: PlateRead): Scene {
  return {
    ...read.scene,
    highlight: {
      zoneId: camera.plates?.zone,
      trackId: read.trackId,
      caption: plateAlertMessage(camera, read),
      note: read.plate,
    },
  };
}
