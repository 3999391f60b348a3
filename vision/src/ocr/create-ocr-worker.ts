import { Worker } from "node:worker_threads";
import type { OcrOptions } from "./ocr-engine.ts";
import type { OcrWorkerReply } from "./ocr-worker-messages.ts";
import type { OcrResult, RgbImage, TextReader } from "./text-reader.ts";

/** Options of {@link createOcrWorker}. */
export interface OcrWorkerOptions extends OcrOptions {
  /** Images allowed to wait for the worker before new ones are refused. @default 8 */
  maxQueue?: number;
}

interface Job {
  id: number;
  image: RgbImage;
  cameraId: string;
  resolve: (result: OcrResult) => void;
  reject: (error: Error) => void;
}

const BOOTSTRAP = new URL("./ocr-worker-bootstrap.mjs", import.meta.url);

/**
 * A {@link TextReader} that runs PP-OCRv4 in one worker thread, images queued in arrival order
 * (at most `maxQueue` waiting; more are refused at once). onnxruntime-node runs a session
 * synchronously on its caller's thread, so this keeps 50–100 ms OCR runs off the event loop
 * that moves every camera's frames. A worker that dies fails the image it held and is replaced.
 *
 * @example
 * const ocr = await createOcrWorker();
 * const { lines } = await ocr.readPixels({ data, width, height }, "gate-2");
 */
export async function createOcrWorker(options: OcrWorkerOptions = {}): Promise<TextReader> {
  const { maxQueue = 8, ...engineOptions } = options;
  const queue: Job[] = [];
  const pending = new Set<Promise<unknown>>();
  let current: Job | undefined;
  let worker: Worker;
  let nextId = 0;
  let closed = false;

  const pump = (): void => {
    if (current || queue.length === 0) return;
    current = queue.shift();
    if (current) worker.postMessage({ id: current.id, image: current.image });
  };

  const spawn = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const w = new Worker(BOOTSTRAP, { workerData: engineOptions });
      let ready = false;
      w.on("message", (reply: OcrWorkerReply) => {
        if (reply.type === "ready") return ((ready = true), resolve(w));
        if (reply.type === "init-error")
          return reject(new Error(`OCR worker failed to start: ${reply.message}`));
        const job = current;
        if (!job || job.id !== reply.id) return;
        current = undefined;
        if (reply.type === "result") job.resolve(reply.result);
        else job.reject(new Error(`camera "${job.cameraId}": OCR failed: ${reply.message}`));
        pump();
      });
      w.on("error", reject);
      w.on("exit", (code) => {
        const job = current;
        current = undefined;
        job?.reject(new Error(`camera "${job.cameraId}": OCR worker exited (code ${code}) while reading`));
        // Replace a worker that died while serving; one that never started stays down (its error was reported).
        if (closed || !ready) return;
        spawn().then(
          (replacement) => ((worker = replacement), pump()),
          () => undefined,
        );
      });
    });

  worker = await spawn();

  return {
    name: "PP-OCRv4 worker thread",
    readPixels(image: RgbImage, cameraId = "ocr"): Promise<OcrResult> {
      if (closed) return Promise.reject(new Error(`camera "${cameraId}": OCR worker is closed`));
      if (queue.length >= maxQueue) {
        return Promise.reject(
          new Error(
            `camera "${cameraId}": ${queue.length} images already wait for the OCR worker; image dropped`,
          ),
        );
      }
      const result = new Promise<OcrResult>((resolve, reject) => {
        queue.push({ id: nextId++, image, cameraId, resolve, reject });
        pump();
      });
      const settled = result.catch(() => undefined);
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return result;
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error(`camera "${job.cameraId}": OCR worker closed`));
      await Promise.all(pending);
      await worker.terminate();
    },
  };
}
