import type { DetectorOptions } from "./centernet-detector.ts";
import type { EncodedFrame, FrameDetections } from "./inference-backend.ts";

/** `workerData` of a detector worker. */
export type DetectorWorkerData = DetectorOptions;

/** Main thread → worker. */
export interface DetectRequest {
  id: number;
  frame: EncodedFrame;
}

/** Worker → main thread. */
export type WorkerReply =
  | { type: "ready" }
  | { type: "init-error"; message: string }
  | { type: "result"; id: number; result: FrameDetections }
  | { type: "error"; id: number; error: { name: string; message: string; cameraId?: string } };
