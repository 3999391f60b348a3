export { boxArea, boxCentre, clipBox, iou } from "./box.ts";
export type { Box } from "./box.ts";
