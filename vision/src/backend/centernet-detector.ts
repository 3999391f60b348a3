import * as ort from "onnxruntime-node";
import { decodeCenternet } from "../decoders/centernet/decode-centernet.ts";
import { CENTERNET_COCO } from "../models/catalog.ts";
import { letterbox } from "../preprocess/letterbox.ts";
import type { LetterboxedImage } from "../preprocess/letterbox.ts";
import type { Thresholds } from "../models/model-spec.ts";
import { FrameError } from "./inference-backend.ts";
import type { EncodedFrame, FrameDetections } from "./inference-backend.ts";

/** Options shared by every backend that runs the CenterNet detector. */
export interface DetectorOptions {
  /** The converted ONNX file (see `ensureCenternetOnnx`). */
  modelPath: string;
  /** onnxruntime intra-op threads per session. @default 1 */
  intraOpThreads?: number;
  /** Overrides of the model's default score / IoU thresholds. */
  thresholds?: Partial<Thresholds>;
}

const DETECTIONS = "tower_0/detections";

/**
 * CenterNet in the current thread: sharp letterbox → onnxruntime → decode + NMS. The unit a
 * worker thread runs; also usable directly where threads are not wanted.
 */
export class CenternetDetector {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly thresholds: Thresholds,
  ) {}

  /** Loads the ONNX model into an onnxruntime session. */
  static async create(options: DetectorOptions): Promise<CenternetDetector> {
    const session = await ort.InferenceSession.create(options.modelPath, {
      intraOpNumThreads: options.intraOpThreads ?? 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
    });
    return new CenternetDetector(session, { ...CENTERNET_COCO.thresholds, ...options.thresholds });
  }

  /** Detects objects in one frame; a frame that cannot be decoded rejects with {@link FrameError}. */
  async detect(frame: EncodedFrame): Promise<FrameDetections> {
    const spec = CENTERNET_COCO;
    const t0 = performance.now();
    let input: LetterboxedImage;
    try {
      input = await letterbox(frame.image, spec.input.shape[1] ?? 512, spec.input);
    } catch (error) {
      throw new FrameError(frame.cameraId, (error as Error).message);
    }
    const t1 = performance.now();
    const feeds = { [spec.input.name]: new ort.Tensor("float32", input.data, input.dims) };
    // Fetch only the decoded rows: the heatmap would be another 5 MB copied out per frame.
    const out = await this.session.run(feeds, [DETECTIONS]);
    const t2 = performance.now();
    const rows = out[DETECTIONS]?.data;
    if (!(rows instanceof Float32Array))
      throw new Error(`model "${spec.id}" returned no float ${DETECTIONS}`);
    const detections = decodeCenternet(rows, input, spec.labels ?? [], this.thresholds);
    const t3 = performance.now();
    return {
      cameraId: frame.cameraId,
      ...(frame.timestamp === undefined ? {} : { timestamp: frame.timestamp }),
      width: input.sourceWidth,
      height: input.sourceHeight,
      detections,
      timings: { preprocessMs: t1 - t0, inferenceMs: t2 - t1, postprocessMs: t3 - t2 },
    };
  }

  /** Releases the onnxruntime session. */
  async close(): Promise<void> {
    await this.session.release();
  }
}
