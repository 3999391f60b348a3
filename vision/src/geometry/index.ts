export { boxArea, boxCentre, clipBox, iou } from "./box.ts";
export type { Box } from "./box.ts";
export { pointInPolygon, segmentsIntersect, signedDistance } from "./point.ts";
export type { Point } from "./point.ts";
