export type { CenternetReference } from "./centernet-reference.ts";
export { ONNX_OPSET, SUPPORTED_TF_OPS, convertTfjsGraph } from "./convert-tfjs-graph.ts";
export { CONVERTER_VERSION, defaultModelCacheDir, ensureCenternetOnnx } from "./ensure-centernet-onnx.ts";
export type { ConvertedModel } from "./ensure-centernet-onnx.ts";
export {
  compareDetectionRows,
  detectionRows,
  scaledDiff,
  summariseTensor,
  summaryMaxDiff,
} from "./summarise-outputs.ts";
export type { CenternetOutputSummary, TensorSummary } from "./summarise-outputs.ts";
export { parseTfjsGraph, readTfjsGraph } from "./tfjs-graph.ts";
export type { TfjsGraph, TfNode, TfWeight } from "./tfjs-graph.ts";
