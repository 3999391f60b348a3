import { createHash } from "node:crypto";
import type { EncodedFrame, FrameDetections, InferenceBackend } from "../backend/inference-backend.ts";

/** An {@link InferenceBackend} that remembers what it found, with hit and miss counts. */
export interface CachingBackend extends InferenceBackend {
  readonly hits: number;
  readonly misses: number;
}

/**
 * Wraps a backend so that a frame seen before (the same encoded bytes) is answered from memory.
 * QA runs sample one video at several rates and windows; ffmpeg encodes a decoded frame to the
 * same JPEG whichever rate picked it, so each frame is detected once per process. Detection is
 * deterministic, so the answers are those the backend would give again (timings excepted).
 * Closing it closes the wrapped backend.
 */
export function cachingBackend(inner: InferenceBackend): CachingBackend {
  const cache = new Map<string, Omit<FrameDetections, "cameraId" | "timestamp">>();
  let hits = 0;
  let misses = 0;
  return {
    name: `${inner.name}, cached`,
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    async detect(frame: EncodedFrame): Promise<FrameDetections> {
      const key = createHash("sha1").update(frame.image).digest("hex");
      let found = cache.get(key);
      if (found) hits += 1;
      else {
        misses += 1;
        const { cameraId: _, timestamp: __, ...detected } = await inner.detect(frame);
        found = detected;
        cache.set(key, found);
      }
      // Copies, so that nothing downstream can change what later frames get.
      const detections = found.detections.map((d) => ({ ...d, box: { ...d.box } }));
      return { cameraId: frame.cameraId, timestamp: frame.timestamp, ...found, detections };
    },
    close: () => inner.close(),
  };
}
