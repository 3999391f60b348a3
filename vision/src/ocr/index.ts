export { ctcGreedyDecode } from "./ctc-decode.ts";
export type { CtcResult } from "./ctc-decode.ts";
export { dbPostprocess } from "./db-postprocess.ts";
export type { DbOptions, TextRegion } from "./db-postprocess.ts";
export { OcrEngine } from "./ocr-engine.ts";
export type { OcrOptions, TextLine } from "./ocr-engine.ts";
export { parsePlate } from "./plate-text.ts";
