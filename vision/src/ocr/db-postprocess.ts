import type { Box } from "../geometry/box.ts";

/** A text region found by the detector, in the probability map's pixels, with its mean score. */
export interface TextRegion {
  box: Box;
  score: number;
}

/** Thresholds of the DB (differentiable binarisation) post-process, PaddleOCR's defaults. */
export interface DbOptions {
  /** Pixels above this probability are text. @default 0.3 */
  threshold?: number;
  /** Regions whose mean probability is below this are dropped. @default 0.6 */
  boxThreshold?: number;
  /** How far a region is grown: `area × ratio / perimeter` on every side. @default 1.5 */
  unclipRatio?: number;
  /** Regions with a side shorter than this (before growing) are dropped. @default 3 */
  minSize?: number;
}

/**
 * Turns a DB text-probability map into text boxes: threshold, 8-connected components, mean
 * probability per component, then each component's bounding box grown by the DB unclip
 * distance (the network predicts shrunken text kernels). Boxes are axis-aligned, which suits
 * signs and plates; strongly rotated text would need minimum-area rectangles.
 */
export function dbPostprocess(
  prob: Float32Array,
  width: number,
  height: number,
  options: DbOptions = {},
): TextRegion[] {
  const { threshold = 0.3, boxThreshold = 0.6, unclipRatio = 1.5, minSize = 3 } = options;
  if (prob.length !== width * height)
    throw new Error(`probability map has ${prob.length} values for ${width}×${height}`);
  const label = new Int32Array(width * height);
  const stack: number[] = [];
  const regions: TextRegion[] = [];
  let next = 0;
  for (let start = 0; start < prob.length; start++) {
    if (label[start] !== 0 || (prob[start] ?? 0) <= threshold) continue;
    next += 1;
    let [minX, minY, maxX, maxY, sum, count] = [width, height, -1, -1, 0, 0];
    label[start] = next;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop() ?? 0;
      const x = p % width;
      const y = (p - x) / width;
      [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
      sum += prob[p] ?? 0;
      count += 1;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const q = ny * width + nx;
          if (label[q] === 0 && (prob[q] ?? 0) > threshold) {
            label[q] = next;
            stack.push(q);
          }
        }
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    const score = sum / count;
    if (Math.min(w, h) < minSize || score < boxThreshold) continue;
    const grow = (w * h * unclipRatio) / (2 * (w + h));
    regions.push({
      box: {
        x1: Math.max(0, minX - grow),
        y1: Math.max(0, minY - grow),
        x2: Math.min(width, maxX + 1 + grow),
        y2: Math.min(height, maxY + 1 + grow),
      },
      score,
    });
  }
  return regions;
}
