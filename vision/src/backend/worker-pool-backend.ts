import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { DetectorOptions } from "./centernet-detector.ts";
import { FrameError } from "./inference-backend.ts";
import type { EncodedFrame, FrameDetections, InferenceBackend } from "./inference-backend.ts";
import type { DetectorWorkerData, WorkerReply } from "./worker-messages.ts";

/** Options of {@link createWorkerPoolBackend}. */
export interface WorkerPoolOptions extends DetectorOptions {
  /** Worker threads, each with its own onnxruntime session. @default cores ÷ intraOpThreads */
  poolSize?: number;
  /** Frames allowed to wait for a free worker before new ones are refused. @default 64 */
  maxQueue?: number;
}

interface Job {
  id: number;
  frame: EncodedFrame;
  resolve: (result: FrameDetections) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

const BOOTSTRAP = new URL("./detector-worker-bootstrap.mjs", import.meta.url);

function toError(reply: Extract<WorkerReply, { type: "error" }>): Error {
  const { name, message, cameraId } = reply.error;
  if (name === "FrameError" && cameraId !== undefined) {
    const error = new FrameError(cameraId, "");
    error.message = message;
    return error;
  }
  return Object.assign(new Error(message), { name });
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
  const queue: Job[] = [];
  const slots: Slot[] = [];
  const pending = new Set<Promise<unknown>>();
  let nextId = 0;
  let closed = false;

  const pump = (): void => {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift();
      if (!job) break;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, frame: job.frame });
    }
  };

  const spawn = (): Promise<Slot> =>
    new Promise((resolve, reject) => {
      const slot: Slot = { worker: new Worker(BOOTSTRAP, { workerData: data }) };
      slot.worker.on("message", (reply: WorkerReply) => {
        if (reply.type === "ready") return resolve(slot);
        if (reply.type === "init-error")
          return reject(new Error(`detector worker failed to start: ${reply.message}`));
        const job = slot.job;
        if (!job || job.id !== reply.id) return;
        slot.job = undefined;
        if (reply.type === "result") job.resolve(reply.result);
        else job.reject(toError(reply));
        pump();
      });
      slot.worker.on("error", (error) => reject(error));
      slot.worker.on("exit", (code) => {
        const index = slots.indexOf(slot);
        if (index >= 0) slots.splice(index, 1);
        const camera = slot.job?.frame.cameraId;
        slot.job?.reject(
          new Error(`camera "${camera}": detector worker exited (code ${code}) while processing this frame`),
        );
        slot.job = undefined;
        if (closed) return;
        // Replace the lost worker so the pool keeps its size.
        spawn().then(
          (replacement) => (slots.push(replacement), pump()),
          () => undefined,
        );
      });
    });

  slots.push(...(await Promise.all(Array.from({ length: poolSize }, spawn))));

  return {
    name: `onnxruntime worker pool ×${poolSize} (${intraOpThreads} thread${intraOpThreads === 1 ? "" : "s"} each)`,
    detect(frame: EncodedFrame): Promise<FrameDetections> {
      if (closed) return Promise.reject(new Error(`camera "${frame.cameraId}": inference backend is closed`));
      if (queue.length >= maxQueue) {
        return Promise.reject(
          new Error(
            `camera "${frame.cameraId}": ${queue.length} frames already wait for a detector worker; frame dropped`,
          ),
        );
      }
      const result = new Promise<FrameDetections>((resolve, reject) => {
        queue.push({ id: nextId++, frame, resolve, reject });
        pump();
      });
      const settled = result.catch(() => undefined);
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return result;
    },
    /** Refuses new frames, rejects queued ones, lets frames already in a worker finish, then stops the workers. */
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) {
        job.reject(new Error(`camera "${job.frame.cameraId}": inference backend closed`));
      }
      await Promise.all(pending);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
