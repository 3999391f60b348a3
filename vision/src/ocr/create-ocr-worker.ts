import { createWorkerPool } from "../backend/worker-pool.ts";
import type { OcrOptions } from "./ocr-engine.ts";
import type { OcrResult, RgbImage, TextReader } from "./text-reader.ts";

/** Options of {@link createOcrWorker}. */
export interface OcrWorkerOptions extends OcrOptions {
  /** Images allowed to wait for the worker before new ones are refused. @default 8 */
  maxQueue?: number;
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
  const pool = await createWorkerPool<RgbImage, OcrResult>({
    bootstrap: BOOTSTRAP,
    workerData: engineOptions,
    size: 1,
    maxQueue,
    worker: "OCR worker",
    waitFor: "the OCR worker",
    item: "image",
    owner: "OCR worker",
    jobError: (cameraId, error) => new Error(`camera "${cameraId}": OCR failed: ${error.message}`),
  });

  return {
    name: "PP-OCRv4 worker thread",
    readPixels(image: RgbImage, cameraId = "ocr"): Promise<OcrResult> {
      return pool.run(image, cameraId);
    },
    close: () => pool.close(),
  };
}
