// Worker thread body: one OcrEngine, one image at a time.
import { serveJobs } from "../backend/serve-jobs.ts";
import { OcrEngine } from "./ocr-engine.ts";
import type { OcrWorkerData } from "./ocr-worker-messages.ts";
import type { RgbImage } from "./text-reader.ts";

await serveJobs(async (data) => {
  const engine = await OcrEngine.create(data as OcrWorkerData);
  return (image: RgbImage) => engine.readPixels(image);
});
