import type { InputSpec, Thresholds } from "../../models/model-spec.ts";
import { boxToSource } from "../../preprocess/box-to-source.ts";
import type { LetterboxGeometry } from "../../preprocess/letterbox.ts";
import type { Detection } from "../detection.ts";
import { classWiseNms } from "../nms.ts";

/**
 * How Ultralytics YOLOv8 / YOLO11 ONNX exports expect their input: letterboxed RGB, grey (114)
 * bars, scaled to 0–1, NCHW. Pair it with the model's own input name and size.
 */
export const YOLO_INPUT: Omit<InputSpec, "name" | "shape"> = {
  layout: "NCHW",
  colour: "RGB",
  mean: [0, 0, 0],
  std: [255, 255, 255],
  padValue: 114,
};

/** A raw output tensor as onnxruntime returns it. */
export interface RawTensor {
  data: Float32Array;
  dims: readonly number[];
}

/** Options of {@link decodeYolo}. */
export interface YoloDecodeOptions {
  /**
   * `"channels-first"`: `[1, 4 + classes, anchors]`, the Ultralytics export default;
   * `"channels-last"`: `[1, anchors, 4 + classes]` (exports transposed for speed).
   * Inferred from which dimension equals 4 + the number of labels when not given.
   */
  layout?: "channels-first" | "channels-last";
}

function inferLayout(dims: readonly number[], channels: number): "channels-first" | "channels-last" {
  if (dims.length !== 3 || dims[0] !== 1)
    throw new Error(`YOLO output: expected dims [1, a, b], got [${dims}]`);
  if (dims[1] === channels && dims[2] === channels) {
    throw new Error(`YOLO output: [${dims}] could be either layout; pass options.layout`);
  }
  if (dims[1] === channels) return "channels-first";
  if (dims[2] === channels) return "channels-last";
  throw new Error(
    `YOLO output: neither dimension of [${dims}] is 4 box values + ${channels - 4} classes; ` +
      "check that the labels match the model",
  );
}

/**
 * Decodes a YOLOv8/YOLO11 detection head (no objectness; per-class scores already sigmoid) into
 * detections in source-image pixels: each anchor takes its best class, scores below
 * `thresholds.score` are dropped, `cx, cy, w, h` become corners, boxes are mapped out of the
 * letterbox, and class-wise NMS runs at `thresholds.iou`.
 *
 * @example
 * const out = (await session.run(feeds)).output0;
 * decodeYolo({ data: out.data as Float32Array, dims: out.dims }, geometry, COCO_LABELS, { score: 0.25, iou: 0.45 });
 */
export function decodeYolo(
  output: RawTensor,
  geometry: LetterboxGeometry,
  labels: readonly string[],
  thresholds: Thresholds,
  options: YoloDecodeOptions = {},
): Detection[] {
  const channels = 4 + labels.length;
  const layout = options.layout ?? inferLayout(output.dims, channels);
  const anchors = (layout === "channels-first" ? output.dims[2] : output.dims[1]) ?? 0;
  if (output.data.length !== anchors * channels) {
    throw new Error(
      `YOLO output: ${output.data.length} values for ${anchors} anchors × ${channels} channels`,
    );
  }
  const at =
    layout === "channels-first"
      ? (anchor: number, channel: number): number => output.data[channel * anchors + anchor] ?? 0
      : (anchor: number, channel: number): number => output.data[anchor * channels + channel] ?? 0;
  const candidates: Detection[] = [];
  for (let a = 0; a < anchors; a++) {
    let classId = 0;
    let score = -Infinity;
    for (let c = 0; c < labels.length; c++) {
      const s = at(a, 4 + c);
      if (s > score) [classId, score] = [c, s];
    }
    if (!(score >= thresholds.score)) continue;
    const [cx, cy, w, h] = [at(a, 0), at(a, 1), at(a, 2), at(a, 3)];
    if (!(w > 0 && h > 0)) continue;
    const box = boxToSource({ x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 }, geometry);
    if (box.x2 <= box.x1 || box.y2 <= box.y1) continue;
    candidates.push({ classId, label: labels[classId] ?? String(classId), score, box });
  }
  return classWiseNms(candidates, thresholds.iou ?? 0.45, thresholds.maxDetections ?? 300);
}
