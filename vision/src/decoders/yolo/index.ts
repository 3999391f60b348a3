export { YOLO_INPUT, decodeYolo } from "./decode-yolo.ts";
export type { RawTensor, YoloDecodeOptions } from "./decode-yolo.ts";
