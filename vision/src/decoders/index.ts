export { CENTERNET_ROW, decodeCenternet } from "./centernet/index.ts";
export type { Detection } from "./detection.ts";
export { classWiseNms } from "./nms.ts";
export { YOLO_INPUT, decodeYolo } from "./yolo/index.ts";
export type { RawTensor, YoloDecodeOptions } from "./yolo/index.ts";
