import type { Thresholds } from "../../models/model-spec.ts";
import { boxToSource } from "../../preprocess/box-to-source.ts";
import type { LetterboxGeometry } from "../../preprocess/letterbox.ts";
import type { Detection } from "../detection.ts";
import { classWiseNms } from "../nms.ts";

/** Rows of CenterNet's own top-k decode: `[x1, y1, x2, y2, score, class]` in input pixels. */
export const CENTERNET_ROW = 6;

/**
 * Turns CenterNet's `tower_0/detections` output (its graph already keeps heatmap peaks and
 * decodes the top 100) into detections in source-image pixels: drops scores below
 * `thresholds.score`, maps boxes out of the letterbox, drops boxes that end up empty, and runs
 * class-wise NMS at `thresholds.iou`.
 *
 * @example
 * decodeCenternet(output.data, geometry, COCO_LABELS, { score: 0.3, iou: 0.45 })
 */
export function decodeCenternet(
  rows: Float32Array,
  geometry: LetterboxGeometry,
  labels: readonly string[],
  thresholds: Thresholds,
): Detection[] {
  if (rows.length % CENTERNET_ROW !== 0) {
    throw new Error(
      `CenterNet detections: ${rows.length} values is not a whole number of ${CENTERNET_ROW}-value rows`,
    );
  }
  const candidates: Detection[] = [];
  for (let i = 0; i < rows.length; i += CENTERNET_ROW) {
    const score = rows[i + 4] ?? 0;
    if (!(score >= thresholds.score)) continue;
    const classId = rows[i + 5] ?? -1;
    const label = labels[classId];
    if (label === undefined)
      throw new Error(`CenterNet detections: class ${classId} has no label (row ${i / 6})`);
    const box = boxToSource(
      { x1: rows[i] ?? 0, y1: rows[i + 1] ?? 0, x2: rows[i + 2] ?? 0, y2: rows[i + 3] ?? 0 },
      geometry,
    );
    if (box.x2 <= box.x1 || box.y2 <= box.y1) continue;
    candidates.push({ classId, label, score, box });
  }
  return classWiseNms(candidates, thresholds.iou ?? 1, thresholds.maxDetections);
}
