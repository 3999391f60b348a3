import type { CameraConfig } from "../config/camera-config.ts";
import { alertId, alertMessage, alertRow } from "./alert-rows.ts";
import type { AlertRow } from "./alert-rows.ts";
import type { EvidenceSink, Scene } from "./scene.ts";
import type { RuleEvent } from "./zone-rules.ts";

/**
 * The `alerts` rows of a frame's events, each with its annotated snapshot saved first (the
 * alert's zone and object emphasised, its message as caption). When a snapshot cannot be saved
 * the alert is still raised, with `evidence: null`, and `onError` says why.
 */
export async function raiseAlerts(
  camera: CameraConfig,
  events: readonly RuleEvent[],
  scene: Scene,
  evidence: EvidenceSink | undefined,
  onError: (message: string) => void,
): Promise<AlertRow[]> {
  const rows: AlertRow[] = [];
  for (const event of events) {
    const id = alertId(camera.id, event);
    let reference: string | null = null;
    if (evidence) {
      const highlight = {
        zoneId: event.zone.id,
        trackId: event.trackId,
        caption: alertMessage(camera, event),
      };
      try {
        reference = await evidence.save(id, { ...scene, highlight });
      } catch (error) {
        onError(`evidence for ${id} not saved: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    rows.push(alertRow(camera, event, reference));
  }
  return rows;
}
