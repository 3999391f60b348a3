export {
  CENTERNET_COCO,
  MODEL_CATALOG,
  PPOCR_DIRECTION,
  PPOCR_V4_DET,
  PPOCR_V4_REC,
  getModelSpec,
} from "./catalog.ts";
export { COCO_LABELS } from "./coco-labels.ts";
export type { InputSpec, ModelFile, ModelSpec, ModelTask, TensorLayout, Thresholds } from "./model-spec.ts";
export { packageRoot, resolveModelFiles, sha256File, verifyModelFile } from "./resolve-model-files.ts";
export type { ResolvedModelFiles } from "./resolve-model-files.ts";
