import type { TrafficClass } from "@citybrain/datasets";
import type { Box } from "../geometry/box.ts";
import type { Scene } from "../pipeline/scene.ts";

/** The best plate read of one vehicle track: what becomes a `vision.plate_read` alert. */
export interface PlateRead {
  trackId: number;
  trafficClass: TrafficClass;
  /** Normalised, e.g. `渝A·D1234`. */
  plate: string;
  confidence: number;
  watchlisted: boolean;
  /** When the tracker first saw the vehicle (stable across replays: the alert id uses it). */
  firstSeen: number;
  /** Timestamp of the frame the plate was read in. */
  at: number;
  /** OCR runs made on this track. */
  attempts: number;
  /** The frame the plate was read in, for the evidence snapshot. */
  scene: Scene;
  /** The plate's text in frame pixels. */
  plateBox: Box;
  /** Milliseconds the OCR of the best read took (det + rec, excluding the crop). */
  ocrMs: number;
}

/** Counters of a camera's plate reading (part of its health). */
export interface PlateReaderStats {
  /** OCR runs started. */
  attempts: number;
  /** Runs that found a plate at `minConfidence` or better. */
  reads: number;
  /** Plate-read events raised (one per track at most). */
  events: number;
  /** Vehicles due for a read while `maxInFlight` runs were busy: deferred to a later frame. */
  skippedBusy: number;
  /** Runs that failed (refused by a full OCR queue, an undecodable frame…). */
  failed: number;
  inFlight: number;
  /** OCR milliseconds of the latest run. */
  lastOcrMs: number | null;
}
