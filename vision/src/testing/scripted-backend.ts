import type { EncodedFrame, FrameDetections, InferenceBackend } from "../backend/inference-backend.ts";
import { FrameError } from "../backend/inference-backend.ts";
import type { Detection } from "../decoders/detection.ts";

/**
 * A stand-in detector for pipeline mechanics tests (mailbox, health, restarts, callbacks): it
 * answers each frame with the detections a script gives for its timestamp, after `delayMs`.
 * Detection quality is tested against the real ONNX model elsewhere; this only keeps those
 * tests fast and exact. A frame whose first byte is 0 is "undecodable".
 */
export function scriptedBackend(
  script: (timestamp: number) => Detection[],
  options: { delayMs?: number; width?: number; height?: number } = {},
): InferenceBackend & { calls: number } {
  const backend = {
    name: "scripted",
    calls: 0,
    async detect(frame: EncodedFrame): Promise<FrameDetections> {
      backend.calls += 1;
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (frame.image[0] === 0) throw new FrameError(frame.cameraId, "scripted: undecodable");
      return {
        cameraId: frame.cameraId,
        timestamp: frame.timestamp,
        width: options.width ?? 768,
        height: options.height ?? 576,
        detections: script(frame.timestamp ?? 0),
        timings: { preprocessMs: 0, inferenceMs: 0, postprocessMs: 0 },
      };
    },
    async close(): Promise<void> {},
  };
  return backend;
}

/** A person (or other COCO label) standing with feet at (x, y), box 30 × 80 px. */
export function detectionAt(x: number, y: number, label = "person", score = 0.9): Detection {
  const classId = { person: 0, bicycle: 1, car: 2, motorcycle: 3, bus: 5, truck: 7, dog: 16 }[label] ?? 99;
  const half = label === "person" ? 15 : 40;
  const height = label === "person" ? 80 : 50;
  return { classId, label, score, box: { x1: x - half, y1: y - height, x2: x + half, y2: y } };
}
