import type { CameraConfig } from "../config/camera-config.ts";
import type { TextReader } from "../ocr/text-reader.ts";
import type { AlertRow } from "../pipeline/alert-rows.ts";
import type { EvidenceSink } from "../pipeline/scene.ts";
import { plateAlertId, plateAlertRow, plateEvidenceScene } from "./plate-alert.ts";
import { PlateReader } from "./plate-reader.ts";

/** Options of {@link cameraPlateReader}. */
export interface CameraPlateReaderOptions {
  camera: CameraConfig;
  /** Without one, a camera with plates enabled reports that through `onError` and reads nothing. */
  ocr?: TextReader;
  evidence?: EvidenceSink;
  /** Each plate read's `alerts` row (one per vehicle track). */
  onAlert: (row: AlertRow) => void;
  onError: (message: string) => void;
}

/**
 * The plate reader of a camera whose config enables `plates`, wired to alerts: each track's best
 * read gets its evidence snapshot saved (vehicle box, track id, plate text, message) and becomes
 * one `vision.plate_read` row. `undefined` when the camera reads no plates.
 */
export function cameraPlateReader(options: CameraPlateReaderOptions): PlateReader | undefined {
  const { camera, ocr, evidence, onAlert, onError } = options;
  if (!camera.plates?.enabled) return undefined;
  if (!ocr) {
    onError(`camera "${camera.id}": plates are enabled but no OCR engine is available; no plates are read`);
    return undefined;
  }
  return new PlateReader({
    cameraId: camera.id,
    config: camera.plates,
    zone: camera.zones.find((z) => z.id === camera.plates?.zone),
    ocr,
    onError,
    onRead: async (read) => {
      let reference: string | null = null;
      if (evidence) {
        const id = plateAlertId(camera, read);
        try {
          reference = await evidence.save(id, plateEvidenceScene(camera, read));
        } catch (error) {
          onError(`evidence for ${id} not saved: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      onAlert(plateAlertRow(camera, read, reference));
    },
  });
}
