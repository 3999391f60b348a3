import type { Box } from "../geometry/box.ts";
import type { Point } from "../geometry/point.ts";

/** Which point of a box stands for the object: where it touches the ground, or its centre. */
export type Anchor = "bottom-centre" | "centre";

/** The anchor point of a box; `bottom-centre` (feet, tyres) suits lines and zones drawn on the ground. */
export function anchorPoint(box: Box, anchor: Anchor = "bottom-centre"): Point {
  return { x: (box.x1 + box.x2) / 2, y: anchor === "centre" ? (box.y1 + box.y2) / 2 : box.y2 };
}
