export { CenternetDetector } from "./centernet-detector.ts";
export type { DetectorOptions } from "./centernet-detector.ts";
export { createInProcessBackend } from "./in-process-backend.ts";
export { FrameError } from "./inference-backend.ts";
export type { EncodedFrame, FrameDetections, InferenceBackend, StageTimings } from "./inference-backend.ts";
export { createWorkerPoolBackend } from "./worker-pool-backend.ts";
export type { WorkerPoolOptions } from "./worker-pool-backend.ts";
