// Worker thread body: one CenternetDetector per worker, one frame at a time. Every failure is
// answered as a message; nothing a frame contains can make this thread exit.
import { parentPort, workerData } from "node:worker_threads";
import { CenternetDetector } from "./centernet-detector.ts";
import { FrameError } from "./inference-backend.ts";
import type { DetectRequest, DetectorWorkerData, WorkerReply } from "./worker-messages.ts";

const port = parentPort;
if (!port) throw new Error("detector-worker.ts must run in a worker thread");
const reply = (message: WorkerReply): void => port.postMessage(message);

try {
  const detector = await CenternetDetector.create(workerData as DetectorWorkerData);
  port.on("message", (request: DetectRequest) => {
    detector.detect(request.frame).then(
      (result) => reply({ type: "result", id: request.id, result }),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        const cameraId = e instanceof FrameError ? e.cameraId : undefined;
        reply({
          type: "error",
          id: request.id,
          error: { name: e.name, message: e.message, ...(cameraId ? { cameraId } : {}) },
        });
      },
    );
  });
  reply({ type: "ready" });
} catch (error) {
  reply({ type: "init-error", message: (error as Error).message });
}
