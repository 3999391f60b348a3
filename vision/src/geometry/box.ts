/** An axis-aligned box in pixels: left, top, right, bottom (x2 > x1, y2 > y1). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Area of a box; 0 for an empty or inverted one. */
export function boxArea(b: Box): number {
  return Math.max(0, b.x2 - b.x1) * Math.max(0, b.y2 - b.y1);
}

/** Intersection over union of two boxes, in [0, 1]. */
export function iou(a: Box, b: Box): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (boxArea(a) + boxArea(b) - inter);
}

/** Centre point of a box. */
export function boxCentre(b: Box): { x: number; y: number } {
  return { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 };
}

/** The box clipped to `[0, width] × [0, height]`. */
export function clipBox(b: Box, width: number, height: number): Box {
  const clamp = (v: number, max: number): number => Math.min(Math.max(v, 0), max);
  return { x1: clamp(b.x1, width), y1: clamp(b.y1, height), x2: clamp(b.x2, width), y2: clamp(b.y2, height) };
}
