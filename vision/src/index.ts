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
export {
  VisionConfigError,
  cameraConfigSchema,
  loadVisionConfig,
  parseCameraConfig,
  parseVisionConfig,
  plateConfigSchema,
  visionConfigSchema,
} from "./config/index.ts";
export type {
  CameraConfig,
  CameraConfigInput,
  LineConfig,
  PlateConfig,
  SourceConfig,
  VisionConfig,
  VisionConfigInput,
  ZoneConfig,
  ZoneRule,
} from "./config/index.ts";
export { LineCounter, ZoneMonitor, anchorPoint } from "./counting/index.ts";
export { EvidenceStore, annotateScene, escapeXml, sceneOverlaySvg } from "./evidence/index.ts";
export type { AnnotateOptions, EvidenceStoreOptions } from "./evidence/index.ts";
export type {
  Anchor,
  CountingLine,
  CrossingDirection,
  LineCounterOptions,
  LineCrossing,
  Zone,
  ZoneEvent,
  ZoneMonitorOptions,
  ZoneOccupancy,
} from "./counting/index.ts";
export {
  boxArea,
  boxCentre,
  clipBox,
  iou,
  pointInPolygon,
  segmentsIntersect,
  signedDistance,
} from "./geometry/index.ts";
export type { Box, Point } from "./geometry/index.ts";
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
export {
  CameraPipeline,
  FrameAnalyser,
  FrameMailbox,
  MinuteCounts,
  RULE_IDS,
  TRAFFIC_CLASS_ZH,
  TrackHistory,
  VEHICLE_CLASSES,
  ZoneRules,
  alertId,
  alertMessage,
  alertRow,
  trafficClassOf,
} from "./pipeline/index.ts";
export type {
  AlertRow,
  BatchInfo,
  CameraHealth,
  CameraPipelineOptions,
  CountedLineCrossing,
  EvidenceSink,
  FrameResult,
  OverloadPolicy,
  RuleEvent,
  Scene,
  TrafficRow,
} from "./pipeline/index.ts";
export { OcrEngine, createOcrWorker, ctcGreedyDecode, dbPostprocess, parsePlate } from "./ocr/index.ts";
export type {
  CtcResult,
  DbOptions,
  OcrOptions,
  OcrResult,
  OcrWorkerOptions,
  RgbImage,
  TextLine,
  TextReader,
  TextRegion,
} from "./ocr/index.ts";
export {
  PLATE_RULE_ID,
  PlateReader,
  plateAlertId,
  plateAlertMessage,
  plateAlertRow,
  plateFromLines,
} from "./plates/index.ts";
export type { PlateCandidate, PlateRead, PlateReaderOptions, PlateReaderStats } from "./plates/index.ts";
export { boxToSource, letterbox, rgbToTensor } from "./preprocess/index.ts";
export type { LetterboxGeometry, LetterboxOptions, LetterboxedImage } from "./preprocess/index.ts";
export { DEMO_FIXTURES_DIR, VisionService, createCameraSource, demoVisionConfig } from "./service/index.ts";
export type {
  CameraSourceOptions,
  DemoVisionOptions,
  PushResult,
  VisionHealth,
  CameraStatus,
  VisionServiceOptions,
} from "./service/index.ts";
export {
  JpegStreamSplitter,
  MAX_FRAME_PIXELS,
  PushFrameError,
  createFfmpegFrameSource,
  createHttpSnapshotSource,
  createPushFrameSource,
  ffmpegArgs,
  probeFrame,
} from "./sources/index.ts";
export type {
  FfmpegSourceOptions,
  FrameProbe,
  FrameSource,
  HttpSnapshotSource,
  HttpSnapshotSourceOptions,
  PushFrameErrorCode,
  PushFrameSource,
  SourceStatus,
} from "./sources/index.ts";
export { IouTracker } from "./tracking/index.ts";
export type { Track, TrackerOptions } from "./tracking/index.ts";
