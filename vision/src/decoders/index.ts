export { CENTERNET_ROW, decodeCenternet } from "./centernet/index.ts";
export type { Detection } from "./detection.ts";
export { classWiseNms } from "./nms.ts";
