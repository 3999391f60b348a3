import { iou } from "../geometry/box.ts";
import type { Detection } from "./detection.ts";

/**
 * Class-wise greedy non-maximum suppression: within each class, keeps the highest-scoring box
 * and drops any other whose IoU with a kept box exceeds `iouThreshold`. Boxes of different
 * classes never suppress each other (a car and a truck on the same vehicle both survive).
 * Returns at most `maxDetections`, highest score first; ties keep input order.
 */
export function classWiseNms(
  detections: readonly Detection[],
  iouThreshold: number,
  maxDetections = Infinity,
): Detection[] {
  const sorted = detections
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.score - a.d.score || a.i - b.i)
    .map(({ d }) => d);
  const kept: Detection[] = [];
  for (const candidate of sorted) {
    if (kept.length >= maxDetections) break;
    const suppressed = kept.some(
      (k) => k.classId === candidate.classId && iou(k.box, candidate.box) > iouThreshold,
    );
    if (!suppressed) kept.push(candidate);
  }
  return kept;
}
