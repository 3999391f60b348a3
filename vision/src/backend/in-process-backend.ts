import { CenternetDetector } from "./centernet-detector.ts";
import type { DetectorOptions } from "./centernet-detector.ts";
import type { EncodedFrame, FrameDetections, InferenceBackend } from "./inference-backend.ts";

/**
 * An {@link InferenceBackend} that runs the detector in the calling thread, one frame at a time
 * (onnxruntime and sharp still use their own native threads). Simple and predictable; the
 * worker pool is the choice for many cameras.
 *
 * @example
 * const backend = await createInProcessBackend({ modelPath: (await ensureCenternetOnnx()).path });
 */
export async function createInProcessBackend(options: DetectorOptions): Promise<InferenceBackend> {
  const detector = await CenternetDetector.create(options);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    name: `onnxruntime in-process (${options.intraOpThreads ?? 1} thread)`,
    detect(frame: EncodedFrame): Promise<FrameDetections> {
      if (closed) return Promise.reject(new Error(`camera "${frame.cameraId}": inference backend is closed`));
      // One run at a time: concurrent runs on one session would just contend for the same threads.
      const result = queue.then(() => detector.detect(frame));
      queue = result.catch(() => undefined);
      return result;
    },
    async close(): Promise<void> {
      closed = true;
      await queue;
      await detector.close();
    },
  };
}
