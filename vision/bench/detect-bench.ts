// Part of `npm run bench -w vision` (vision-bench.ts): per-stage timings of the detector, thread
// and pool scaling, and the converter's agreement with TFJS; prints a table and writes
// docs/benchmarks/vision-detect.json. Timings on a shared or loaded machine are noisy: the record
// keeps the load average beside them.
import { mkdtempSync } from "node:fs";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import sharp from "sharp";
import { createInProcessBackend } from "../src/backend/in-process-backend.ts";
import type { InferenceBackend, StageTimings } from "../src/backend/inference-backend.ts";
import { createWorkerPoolBackend } from "../src/backend/worker-pool-backend.ts";
import type { CenternetReference } from "../src/convert/centernet-reference.ts";
import { ensureCenternetOnnx } from "../src/convert/ensure-centernet-onnx.ts";
import { compareDetectionRows, detectionRows } from "../src/convert/summarise-outputs.ts";
import { CENTERNET_COCO } from "../src/models/catalog.ts";
import { letterbox } from "../src/preprocess/letterbox.ts";
import { createFfmpegFrameSource } from "../src/sources/ffmpeg/ffmpeg-frame-source.ts";
import { fixturePath, repoRoot } from "../src/testing/fixtures.ts";
import { IouTracker } from "../src/tracking/iou-tracker.ts";
import { round, stats } from "./bench-stats.ts";

const FRAMES = Number(process.env.BENCH_FRAMES ?? 20);
const WARMUP = 3;

async function stageTimings(
  backend: InferenceBackend,
  image: Buffer,
): Promise<Record<keyof StageTimings | "totalMs", ReturnType<typeof stats>>> {
  for (let i = 0; i < WARMUP; i++) await backend.detect({ cameraId: "bench", image });
  const rows: (StageTimings & { totalMs: number })[] = [];
  for (let i = 0; i < FRAMES; i++) {
    const t0 = performance.now();
    const { timings } = await backend.detect({ cameraId: "bench", image });
    rows.push({ ...timings, totalMs: performance.now() - t0 });
  }
  const pick = (k: keyof (typeof rows)[number]): ReturnType<typeof stats> => stats(rows.map((r) => r[k]));
  return {
    preprocessMs: pick("preprocessMs"),
    inferenceMs: pick("inferenceMs"),
    postprocessMs: pick("postprocessMs"),
    totalMs: pick("totalMs"),
  };
}

async function throughput(backend: InferenceBackend, image: Buffer): Promise<number> {
  await Promise.all(Array.from({ length: WARMUP }, () => backend.detect({ cameraId: "bench", image })));
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: FRAMES }, (_, i) => backend.detect({ cameraId: `cam-${i % 4}`, image })),
  );
  return round((FRAMES * 1000) / (performance.now() - t0));
}

/** Runs the detector benchmark and writes `docs/benchmarks/vision-detect.json`. */
export async function detectBench(): Promise<void> {
  const load = loadavg().map(round);
  const image = await readFile(fixturePath("dog.jpg"));

  const fresh = await ensureCenternetOnnx({ cacheDir: mkdtempSync(join(tmpdir(), "vision-bench-")) });
  const { path } = await ensureCenternetOnnx();
  const reference = JSON.parse(
    await readFile(join(repoRoot, "vision/src/convert/centernet-dog-reference.json"), "utf8"),
  ) as CenternetReference;
  const session = await ort.InferenceSession.create(path, { intraOpNumThreads: 1 });
  const input = await letterbox(image, 512);
  const out = await session.run({
    [CENTERNET_COCO.input.name]: new ort.Tensor("float32", input.data, input.dims),
  });
  const rows = detectionRows(out["tower_0/detections"]?.data as Float32Array);
  const agreement = compareDetectionRows(rows, reference.detections, 1e-4);
  await session.release();

  // Preprocess is one sharp pipeline (decode + letterbox + normalise); the JPEG decode alone, to
  // full-size RGB, is timed apart to split it.
  const decodeMs: number[] = [];
  for (let i = 0; i < WARMUP + FRAMES; i++) {
    const t = performance.now();
    await sharp(image).removeAlpha().raw().toBuffer();
    if (i >= WARMUP) decodeMs.push(performance.now() - t);
  }

  const results: Record<string, unknown> = { jpegDecodeAloneMs: stats(decodeMs) };
  for (const threads of [1, 2]) {
    const backend = await createInProcessBackend({ modelPath: path, intraOpThreads: threads });
    results[`inProcess${threads}Thread`] = await stageTimings(backend, image);
    results[`inProcess${threads}ThreadFps`] = await throughput(backend, image);
    await backend.close();
  }
  for (const poolSize of [1, 2]) {
    const backend = await createWorkerPoolBackend({ modelPath: path, poolSize, intraOpThreads: 1 });
    results[`pool${poolSize}x1Fps`] = await throughput(backend, image);
    await backend.close();
  }

  // Whole pipeline on video: ffmpeg decode → detect → track, 8 s of vtest.avi at 5 fps.
  const backend = await createInProcessBackend({ modelPath: path, intraOpThreads: 2 });
  const source = createFfmpegFrameSource({
    cameraId: "plaza",
    input: fixturePath("vtest.avi"),
    fps: 5,
    durationSeconds: 8,
    timestampOrigin: 0,
  });
  const tracker = new IouTracker();
  const trackMs: number[] = [];
  let frames = 0;
  const t0 = performance.now();
  for await (const frame of source.frames()) {
    const { detections } = await backend.detect(frame);
    const t = performance.now();
    tracker.update(detections, frame.timestamp ?? 0);
    trackMs.push(performance.now() - t);
    frames++;
  }
  const videoFps = round((frames * 1000) / (performance.now() - t0));
  await backend.close();

  const record = {
    benchmark: "vision-detect",
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, loadAverageAtStart: load },
    model: { id: CENTERNET_COCO.id, input: "dog.jpg 768×576 → 512² letterbox" },
    conversion: {
      ms: round(fresh.conversionMs),
      maxScaledDiffVsTfjs: agreement.maxScaledDiff,
      maxAbsDiffVsTfjs: agreement.maxAbsDiff,
      unmatchedRows: agreement.unmatched.length,
    },
    frames: FRAMES,
    ...results,
    video: { frames, fps: videoFps, trackerMs: stats(trackMs) },
  };
  const fps1 = results.pool1x1Fps as number;
  const fps2 = results.pool2x1Fps as number;
  const s1 = results.inProcess1Thread as Record<string, { median: number }>;
  const s2 = results.inProcess2Thread as Record<string, { median: number }>;
  console.log(`load average at start: ${load.join(" ")} on ${cpus().length} cores (${cpus()[0]?.model})`);
  console.log(
    `conversion ${record.conversion.ms} ms; max diff vs TFJS ${agreement.maxAbsDiff} abs, ${agreement.maxScaledDiff} scaled`,
  );
  console.log("per frame, median ms      preprocess  inference  postprocess  total");
  for (const [name, s] of [
    ["in-process, 1 thread", s1],
    ["in-process, 2 threads", s2],
  ] as const) {
    const cells = ["preprocessMs", "inferenceMs", "postprocessMs", "totalMs"].map((k) =>
      String(s[k]?.median).padStart(10),
    );
    console.log(`${name.padEnd(24)}${cells.join(" ")}`);
  }
  console.log(
    `inference 2 threads ÷ 1 thread: ${round((s2.inferenceMs?.median ?? NaN) / (s1.inferenceMs?.median ?? NaN))}`,
  );
  console.log(`JPEG decode alone (part of preprocess): ${JSON.stringify(results.jpegDecodeAloneMs)} ms`);
  console.log(`throughput: pool ×1 ${fps1} fps, pool ×2 ${fps2} fps (ratio ${round(fps2 / fps1)})`);
  console.log(
    `vtest.avi 5 fps pipeline: ${videoFps} fps over ${frames} frames; tracker median ${record.video.trackerMs.median} ms`,
  );
  const file = join(repoRoot, "docs/benchmarks/vision-detect.json");
  await mkdir(join(repoRoot, "docs/benchmarks"), { recursive: true });
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
