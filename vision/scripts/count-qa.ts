// npm run qa -w vision — the hand-labelled line-count QA (docs/vision-count-qa.md): runs the
// real pipeline over vtest.avi and compares its crossings of the labelled line with the labels.
// Writes docs/benchmarks/vision-count-qa.json. Runs the first QA_SECONDS (default 60) at each rate
// of QA_FPS (default "1,2,5,10") and the whole labelled video at each rate of QA_FULL_FPS (default
// "1,2,5"); then, for each rate of QA_PHASE_FPS (default "1,2"), the whole video again started
// 0.1, 0.2, … s in: the other ways that rate can sample the 10 fps clip (4 at 2 fps, 9 at 1 fps).
// Each frame is detected once, whichever runs sample it. QA_THREADS: onnxruntime threads (default 2).
import { writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { createInProcessBackend } from "../src/backend/in-process-backend.ts";
import { ensureCenternetOnnx } from "../src/convert/ensure-centernet-onnx.ts";
import { cachingBackend } from "../src/qa/detection-cache.ts";
import { loadLineLabels } from "../src/qa/line-labels.ts";
import { runCountQa } from "../src/qa/run-count-qa.ts";
import type { CountQaResult } from "../src/qa/run-count-qa.ts";
import { fixturePath, repoRoot } from "../src/testing/fixtures.ts";

const list = (value: string | undefined, fallback: string): number[] =>
  (value ?? fallback).split(",").filter(Boolean).map(Number);
const rates = list(process.env.QA_FPS, "1,2,5,10");
const fullRates = list(process.env.QA_FULL_FPS, "1,2,5");
const phaseRates = list(process.env.QA_PHASE_FPS, "1,2");
const seconds = Number(process.env.QA_SECONDS ?? 60);
const labels = await loadLineLabels(join(repoRoot, "vision/qa/vtest-line-labels.json"));
const backend = cachingBackend(
  await createInProcessBackend({
    modelPath: (await ensureCenternetOnnx()).path,
    intraOpThreads: Number(process.env.QA_THREADS ?? 2),
  }),
);
const load = loadavg().map((v) => Math.round(v * 100) / 100);
const runs: (CountQaResult & { wholeClip: boolean; framesDetected: number })[] = [];
const pct = (v: number | null): string => (v === null ? "n/a" : `${(v * 100).toFixed(1)} %`);
const plan: { sampleFps: number; durationSeconds?: number; startSeconds?: number }[] = [
  ...rates.map((sampleFps) => ({ sampleFps, durationSeconds: seconds })),
  ...fullRates.map((sampleFps) => ({ sampleFps })),
  ...phaseRates.flatMap((sampleFps) =>
    Array.from({ length: Math.round(labels.fps / sampleFps) - 1 }, (_, k) => ({
      sampleFps,
      startSeconds: (k + 1) / labels.fps,
    })),
  ),
];
for (const { sampleFps, durationSeconds, startSeconds } of plan) {
  const before = backend.misses;
  const r = await runCountQa({
    labels,
    videoPath: fixturePath("vtest.avi"),
    backend,
    sampleFps,
    durationSeconds,
    startSeconds,
  });
  runs.push({ ...r, wholeClip: durationSeconds === undefined, framesDetected: backend.misses - before });
  console.log(
    `${sampleFps} fps, ${r.window.startSeconds}–${r.window.endSeconds} s: truth ${r.truth.total} ` +
      `(→ ${r.truth.leftToRight}, ← ${r.truth.rightToLeft}), counted ${r.counted.total} ` +
      `(→ ${r.counted.leftToRight}, ← ${r.counted.rightToLeft}); count error ${pct(r.countError.total)} ` +
      `(→ ${pct(r.countError.leftToRight)}, ← ${pct(r.countError.rightToLeft)}); matched ${r.matched}, ` +
      `missed ${r.missed.length}, spurious ${r.spurious.length}, mean offset ${r.meanOffsetSeconds} s; ` +
      `${r.framesProcessed} frames (${backend.misses - before} detected) in ${r.wallSeconds} s`,
  );
  for (const m of r.missed) console.log(`  missed   ${m.seconds.toFixed(1)} s ${m.direction}`);
  for (const s of r.spurious) console.log(`  spurious ${s.seconds.toFixed(1)} s ${s.direction}`);
}
await backend.close();
for (const fps of phaseRates) {
  const all = runs.filter(
    (r) => r.sampleFps === fps && r.window.endSeconds === runs.at(-1)?.window.endSeconds,
  );
  const errors = all.map((r) => r.countError.total ?? 0);
  console.log(
    `${fps} fps, whole clip, ${all.length} sampling phases: count error ${pct(Math.min(...errors))} to ` +
      `${pct(Math.max(...errors))}, counted ${all.map((r) => r.counted.total).join(", ")} of ${all[0]?.truth.total}`,
  );
}
const record = {
  benchmark: "vision-count-qa",
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, loadAverageAtStart: load },
  labels: "vision/qa/vtest-line-labels.json",
  line: labels.line,
  runs,
};
const file = join(repoRoot, "docs/benchmarks/vision-count-qa.json");
await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
console.log(`wrote ${file}`);
