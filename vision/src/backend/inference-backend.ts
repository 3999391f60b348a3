import type { Detection } from "../decoders/detection.ts";

/** One encoded image (JPEG, PNG, WebP…) from a camera. */
export interface EncodedFrame {
  /** Camera id; every error about the frame names it. */
  cameraId: string;
  image: Uint8Array;
  /** Capture time, milliseconds since the epoch, passed through untouched. */
  timestamp?: number;
}

/** Milliseconds spent in each stage of one frame. */
export interface StageTimings {
  /** Decode, letterbox and normalise (sharp + the float conversion). */
  preprocessMs: number;
  /** The model itself (onnxruntime `run`). */
  inferenceMs: number;
  /** Thresholding, mapping out of the letterbox and NMS. */
  postprocessMs: number;
}

/** What a backend found in one frame. */
export interface FrameDetections {
  cameraId: string;
  timestamp?: number;
  /** Decoded image size; detection boxes are in these pixels. */
  width: number;
  height: number;
  detections: Detection[];
  timings: StageTimings;
}

/**
 * Runs the object detector on encoded frames. Implementations (in the calling thread, in a
 * pool of worker threads, later remote workers) share one contract test
 * (`backend-contract.test.ts`): same detections for the same frame, and a frame that cannot be
 * decoded rejects with a {@link FrameError} naming the camera while later frames still work.
 */
export interface InferenceBackend {
  /** Short description for logs and benchmarks, e.g. `"onnxruntime worker pool ×2 (1 thread each)"`. */
  readonly name: string;
  detect(frame: EncodedFrame): Promise<FrameDetections>;
  /** Refuses new frames, rejects queued ones, lets running ones finish, then releases sessions and workers. */
  close(): Promise<void>;
}

/** A frame the detector could not use: not an image, truncated or corrupt. */
export class FrameError extends Error {
  override readonly name = "FrameError";

  constructor(
    readonly cameraId: string,
    reason: string,
  ) {
    // libvips repeats multi-line warnings; keep each distinct line once.
    const detail = [...new Set(reason.split("\n").map((l) => l.trim()))].filter(Boolean).join("; ");
    super(`camera "${cameraId}": frame is not a decodable image (${detail})`);
  }
}
