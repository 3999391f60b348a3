import type { OcrOptions } from "./ocr-engine.ts";
import type { OcrResult, RgbImage } from "./text-reader.ts";

/** `workerData` of the OCR worker. */
export type OcrWorkerData = OcrOptions;

/** Main thread → worker. */
export interface OcrRequest {
  id: number;
  image: RgbImage;
}

/** Worker → main thread. */
export type OcrWorkerReply =
  | { type: "ready" }
  | { type: "init-error"; message: string }
  | { type: "result"; id: number; result: OcrResult }
  | { type: "error"; id: number; message: string };
