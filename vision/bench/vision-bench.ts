// npm run bench -w vision — the vision benchmarks, each writing docs/benchmarks/vision-*.json:
//   detect   per-stage detector timings, threads and pool scaling, TFJS agreement (vision-detect.json)
//   pipeline whole camera pipeline vs the detector alone on the same frames, cameras per node at
//            1 frame/s, and a live check of that figure (vision-pipeline.json)
//   memory   RSS over a long run (vision-memory.json)
//   ocr      PP-OCRv4 read time per image and per line against the models' run alone, in process
//            and in the worker thread (vision-ocr.json)
// Options (environment): BENCH_ONLY=detect,pipeline,memory,ocr (default all); BENCH_MEMORY_FRAMES
// (default 2000; 10000 for the long run, ~20 min on 2 cores); BENCH_PIPELINE_FRAMES (default 100);
// BENCH_LIVE_SECONDS (default 20). Also `-- --memory-frames 10000`.
import { ensureCenternetOnnx } from "../src/convert/ensure-centernet-onnx.ts";
import { machine, writeRecord } from "./bench-stats.ts";
import { vtestFrames } from "./bench-frames.ts";
import { detectBench } from "./detect-bench.ts";
import { memoryBench } from "./memory-bench.ts";
import { ocrBench } from "./ocr-bench.ts";
import { endToEndVsModel, liveAt1Fps, throughput } from "./pipeline-bench.ts";

const argFrames = process.argv.indexOf("--memory-frames");
const memoryFrames = Number(
  (argFrames >= 0 ? process.argv[argFrames + 1] : undefined) ?? process.env.BENCH_MEMORY_FRAMES ?? 2000,
);
const only = new Set((process.env.BENCH_ONLY ?? "detect,pipeline,memory,ocr").split(","));

if (only.has("detect")) await detectBench();

if (only.has("pipeline")) {
  const at = machine();
  const { path } = await ensureCenternetOnnx();
  const frames = await vtestFrames(Number(process.env.BENCH_PIPELINE_FRAMES ?? 100));
  const e2e = (await endToEndVsModel(path, frames)) as Record<string, unknown> & {
    ratioPipelineToDetect: number;
  };
  console.log(`pipeline vs detector on ${frames.length} vtest frames: ${JSON.stringify(e2e)}`);
  const scale = (await throughput(path, frames.slice(0, 40), 4)) as {
    framesPerSecond: number;
    camerasAt1FpsWith20PctHeadroom: number;
  };
  console.log(`4 cameras on one worker pool: ${JSON.stringify(scale)}`);
  const cameras = Math.max(1, scale.camerasAt1FpsWith20PctHeadroom);
  const live = await liveAt1Fps(path, frames, cameras, Number(process.env.BENCH_LIVE_SECONDS ?? 20));
  console.log(`live check, ${cameras} cameras at 1 frame/s: ${JSON.stringify(live)}`);
  const file = await writeRecord("vision-pipeline", {
    benchmark: "vision-pipeline",
    date: new Date().toISOString(),
    machine: at,
    video: "vtest.avi at 5 fps (768×576)",
    endToEndVsDetector: e2e,
    throughput: scale,
    liveAt1Fps: live,
  });
  console.log(`wrote ${file}`);
}

if (only.has("memory")) {
  const at = machine();
  const { path } = await ensureCenternetOnnx();
  console.log(`memory: ${memoryFrames} frames…`);
  const result = await memoryBench(path, memoryFrames);
  const { samples: _samples, ...summary } = result as Record<string, unknown>;
  console.log(`memory: ${JSON.stringify(summary)}`);
  const file = await writeRecord(memoryFrames === 2000 ? "vision-memory" : `vision-memory-${memoryFrames}`, {
    benchmark: "vision-memory",
    date: new Date().toISOString(),
    machine: at,
    ...result,
  });
  console.log(`wrote ${file}`);
}

if (only.has("ocr")) {
  const at = machine();
  const result = await ocrBench(Number(process.env.BENCH_OCR_RUNS ?? 20));
  const file = await writeRecord("vision-ocr", {
    benchmark: "vision-ocr",
    date: new Date().toISOString(),
    machine: at,
    ...result,
  });
  console.log(`wrote ${file}`);
}
