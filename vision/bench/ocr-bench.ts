// OCR timing: PP-OCRv4 reads of real and rendered text, the whole read against the models'
// onnxruntime `run` calls alone on the same inputs, in process and through the worker thread.
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { OcrEngine } from "../src/ocr/ocr-engine.ts";
import { createOcrWorker } from "../src/ocr/create-ocr-worker.ts";
import type { RgbImage, TextReader } from "../src/ocr/text-reader.ts";
import { fixturePath } from "../src/testing/fixtures.ts";
import { renderPlateScene } from "../src/testing/render-plate.ts";
import { round, stats } from "./bench-stats.ts";

interface Sample {
  readonly name: string;
  readonly image: RgbImage;
}

async function decode(name: string, bytes: Uint8Array): Promise<Sample> {
  const { data, info } = await sharp(bytes).removeAlpha().toColourspace("srgb").raw().toBuffer({
    resolveWithObject: true,
  });
  return {
    name: `${name} (${info.width}×${info.height})`,
    image: { data, width: info.width, height: info.height },
  };
}

async function timeReads(reader: TextReader, sample: Sample, runs: number) {
  for (let i = 0; i < 3; i++) await reader.readPixels(sample.image, "bench");
  const total: number[] = [];
  const inference: number[] = [];
  let lines: string[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await reader.readPixels(sample.image, "bench");
    total.push(performance.now() - t0);
    inference.push(r.timings.inferenceMs);
    lines = r.lines.map((l) => l.text);
  }
  return { total, inference, lines };
}

/** Reads each sample `runs` times after 3 warm-ups, in process and in the worker thread. */
export async function ocrBench(runs = 20): Promise<Record<string, unknown>> {
  const samples = [
    await decode("scenetext01.jpg", await readFile(fixturePath("scenetext01.jpg"))),
    await decode("rendered plate 渝A·D1234", await renderPlateScene("渝A·D1234")),
    await decode("rendered plate 渝B·5K678", await renderPlateScene("渝B·5K678")),
  ];
  const engine = await OcrEngine.create({ intraOpThreads: 1 });
  const worker = await createOcrWorker({ intraOpThreads: 1 });
  const out: Record<string, unknown>[] = [];
  try {
    for (const sample of samples) {
      const inProcess = await timeReads(engine, sample, runs);
      const inWorker = await timeReads(worker, sample, runs);
      const lines = Math.max(1, inProcess.lines.length);
      const total = stats(inProcess.total);
      const raw = stats(inProcess.inference);
      const row = {
        image: sample.name,
        lines: inProcess.lines,
        readMs: total,
        modelRunMs: raw,
        perLineMs: round(total.median / lines),
        perLineModelRunMs: round(raw.median / lines),
        ratioReadToModelRun: round(total.median / raw.median, 3),
        workerReadMs: stats(inWorker.total),
        ratioWorkerToInProcess: round(stats(inWorker.total).median / total.median, 3),
      };
      console.log(`ocr ${sample.name}: ${JSON.stringify(row)}`);
      out.push(row);
    }
  } finally {
    await engine.close();
    await worker.close();
  }
  return { runs, threads: 1, images: out };
}
