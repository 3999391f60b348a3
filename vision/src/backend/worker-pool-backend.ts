import { availableParallelism } from "node:os";
import type { DetectorOptions } from "./centernet-detector.ts";
import { FrameError } from "./inference-backend.ts";
import type { EncodedFrame, FrameDetections, InferenceBackend } from "./inference-backend.ts";
import type { DetectorWorkerData } from "./worker-messages.ts";
import { createWorkerPool, type JobErrorInfo } from "./worker-pool.ts";

/** Options of {@link createWorkerPoolBackend}. */
export interface WorkerPoolOptions extends DetectorOptions {
  /** Worker threads, each with its own onnxruntime session. @default cores ÷ intraOpThreads */
  poolSize?: number;
  /** Frames allowed to wait for a free worker before new ones are refused. @default 64 */
  maxQueue?: number;
}

const BOOTSTRAP = new URL("./detector-worker-bootstrap.mjs", import.meta.url);

function toError(cameraId: string, error: JobErrorInfo): Error {
  if (error.name === "FrameError" && error.cameraId !== undefined) {
    const frameError = new FrameError(error.cameraId, "");
    frameError.message = error.message;
    return frameError;
  }
  return Object.assign(new Error(error.message), { name: error.name });
}

/**
 * An {@link InferenceBackend} that runs the detector in a pool of worker threads, one frame per
 * worker at a time, frames queued in arrival order. A worker that dies (a native crash) fails
 * only the frame it held, naming its camera, and is replaced.
 *
 * @example
 * const backend = await createWorkerPoolBackend({ modelPath, poolSize: 2, intraOpThreads: 1 });
 * const { detections } = await backend.detect({ cameraId: "cam-01", image: jpegBytes });
 */
export async function createWorkerPoolBackend(options: WorkerPoolOptions): Promise<InferenceBackend> {
  const intraOpThreads = options.intraOpThreads ?? 1;
  const poolSize = options.poolSize ?? Math.max(1, Math.floor(availableParallelism() / intraOpThreads));
  const maxQueue = options.maxQueue ?? 64;
  const data: DetectorWorkerData = {
    modelPath: options.modelPath,
    intraOpThreads,
    ...(options.thresholds ? { thresholds: options.thresholds } : {}),
  };
  const pool = await createWorkerPool<EncodedFrame, FrameDetections>({
    bootstrap: BOOTSTRAP,
    workerData: data,
    size: poolSize,
    maxQueue,
    worker: "detector worker",
    waitFor: "a detector worker",
    item: "frame",
    owner: "inference backend",
    jobError: toError,
  });

  return {
    name: `onnxruntime worker pool ×${poolSize} (${intraOpThreads} thread${intraOpThreads === 1 ? "" : "s"} each)`,
    detect(frame: EncodedFrame): Promise<FrameDetections> {
      return pool.run(frame, frame.cameraId);
    },
    /** Refuses new frames, rejects queued ones, lets frames already in a worker finish, then stops the workers. */
    close: () => pool.close(),
  };
}
