export {
  CenternetDetector,
  FrameError,
  createInProcessBackend,
  createWorkerPoolBackend,
} from "./backend/index.ts";
export type {
  DetectorOptions,
  EncodedFrame,
  FrameDetections,
  InferenceBackend,
  StageTimings,
  WorkerPoolOptions,
} from "./backend/index.ts";
export {
  CONVERTER_VERSION,
  ONNX_OPSET,
  SUPPORTED_TF_OPS,
  convertTfjsGraph,
  defaultModelCacheDir,
  ensureCenternetOnnx,
  parseTfjsGraph,
  readTfjsGraph,
} from "./convert/index.ts";
export type { ConvertedModel, TfjsGraph } from "./convert/index.ts";
export { CENTERNET_ROW, YOLO_INPUT, classWiseNms, decodeCenternet, decodeYolo } from "./decoders/index.ts";
export type { Detection, RawTensor, YoloDecodeOptions } from "./decoders/index.ts";
export { boxArea, boxCentre, clipBox, iou } from "./geometry/index.ts";
export type { Box } from "./geometry/index.ts";
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
export { boxToSource, letterbox } from "./preprocess/index.ts";
export type { LetterboxGeometry, LetterboxOptions, LetterboxedImage } from "./preprocess/index.ts";
