import type { TextLine } from "./ocr-engine.ts";

/** Decoded 3-channel sRGB pixels, row-major, `width × height × 3` bytes. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** What one OCR call found, with where the time went. */
export interface OcrResult {
  lines: TextLine[];
  /**
   * Detection (with decoding and resizing) and recognition wall time; `inferenceMs` is the part
   * of both spent in the models' onnxruntime `run` calls alone.
   */
  timings: { detectionMs: number; recognitionMs: number; inferenceMs: number };
}

/**
 * Reads text from decoded pixels. Implemented in the calling thread by `OcrEngine` and in a
 * worker thread by `createOcrWorker` (onnxruntime-node runs a session synchronously on the
 * thread that calls it, so a server keeps OCR off its event loop with the worker). Both share
 * one contract test (`text-reader-contract.test.ts`).
 */
export interface TextReader {
  /** Short description for logs, e.g. `"PP-OCRv4 worker thread"`. */
  readonly name: string;
  /** Text lines in `image`, boxes in its pixels; `cameraId` names the camera in errors. */
  readPixels(image: RgbImage, cameraId?: string): Promise<OcrResult>;
  /** Lets running reads finish, rejects waiting ones, releases the sessions. */
  close(): Promise<void>;
}
