export {
  CENTERNET_COCO,
  COCO_LABELS,
  MODEL_CATALOG,
  PPOCR_DIRECTION,
  PPOCR_V4_DET,
  PPOCR_V4_REC,
  getModelSpec,
  packageRoot,
  resolveModelFiles,
  sha256File,
  verifyModelFile,
} from "./models/index.ts";
export type {
  InputSpec,
  ModelFile,
  ModelSpec,
  ModelTask,
  ResolvedModelFiles,
  TensorLayout,
  Thresholds,
} from "./models/index.ts";
