// Worker thread body: one CenternetDetector per worker, one frame at a time.
import { CenternetDetector } from "./centernet-detector.ts";
import type { EncodedFrame } from "./inference-backend.ts";
import { serveJobs } from "./serve-jobs.ts";
import type { DetectorWorkerData } from "./worker-messages.ts";

await serveJobs(async (data) => {
  const detector = await CenternetDetector.create(data as DetectorWorkerData);
  return (frame: EncodedFrame) => detector.detect(frame);
});
