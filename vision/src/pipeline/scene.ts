import type { CameraConfig } from "../config/camera-config.ts";
import type { Track } from "../tracking/track.ts";

/** What a camera saw in one frame: the picture and what the pipeline made of it. */
export interface Scene {
  camera: CameraConfig;
  /** The encoded frame (JPEG/PNG). */
  image: Uint8Array;
  width: number;
  height: number;
  timestamp: number;
  /** Confirmed tracks matched in this frame. */
  tracks: readonly Track[];
  /** Crossing counts so far per line (`lineId` → up/down), shown beside each line. */
  lineTotals?: ReadonlyMap<string, { up: number; down: number }>;
  /** What to emphasise (the alert's zone and object), a caption, and a note under the object's box (a plate read). */
  highlight?: { zoneId?: string; trackId?: number; caption?: string; note?: string };
}

/**
 * Keeps the evidence picture of an alert and says where it is. Implemented by
 * `EvidenceStore` (annotated JPEG files with retention).
 */
export interface EvidenceSink {
  /** Saves the annotated scene for `alertId`; returns the `evidence` reference for the alert row. */
  save(alertId: string, scene: Scene): Promise<string>;
}
