import type { OcrOptions } from "./ocr-engine.ts";

/** `workerData` of the OCR worker. */
export type OcrWorkerData = OcrOptions;
