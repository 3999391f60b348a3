// Worker thread body: one OcrEngine, one image at a time. Every failure is answered as a
// message; nothing an image contains can make this thread exit.
import { parentPort, workerData } from "node:worker_threads";
import { OcrEngine } from "./ocr-engine.ts";
import type { OcrRequest, OcrWorkerData, OcrWorkerReply } from "./ocr-worker-messages.ts";

const port = parentPort;
if (!port) throw new Error("ocr-worker.ts must run in a worker thread");
const reply = (message: OcrWorkerReply): void => port.postMessage(message);

try {
  const engine = await OcrEngine.create(workerData as OcrWorkerData);
  port.on("message", (request: OcrRequest) => {
    engine.readPixels(request.image).then(
      (result) => reply({ type: "result", id: request.id, result }),
      (error: unknown) =>
        reply({
          type: "error",
          id: request.id,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  reply({ type: "ready" });
} catch (error) {
  reply({ type: "init-error", message: (error as Error).message });
}
