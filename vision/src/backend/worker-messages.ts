import type { DetectorOptions } from "./centernet-detector.ts";

/** `workerData` of a detector worker. */
export type DetectorWorkerData = DetectorOptions;
