// npm run qa -w vision — the hand-labelled line-count QA (docs/vision-count-qa.md): runs the
// real pipeline over vtest.avi and compares its crossings of the labelled line with the labels.
// Writes docs/benchmarks/vision-count-qa.json. Runs the first QA_SECONDS (default 60) at each rate
// of QA_FPS (default "2,5,10"), then the whole labelled video at 5 fps. QA_THREADS: onnxruntime
// threads (default 2).
import { writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { createInProcessBackend } from "../src/backend/in-process-backend.ts";
import { ensureCenternetOnnx } from "../src/convert/ensure-centernet-onnx.ts";
import { loadLineLabels } from "../src/qa/line-labels.ts";
import { runCountQa } from "../src/qa/run-count-qa.ts";
import type { CountQaResult } from "../src/qa/run-count-qa.ts";
import { fixturePath, repoRoot } from "../src/testing/fixtures.ts";

const rates = (process.env.QA_FPS ?? "2,5,10").split(",").map(Number);
const seconds = Number(process.env.QA_SECONDS ?? 60);
const labels = await loadLineLabels(join(repoRoot, "vision/qa/vtest-line-labels.json"));
const backend = await createInProcessBackend({
  modelPath: (await ensureCenternetOnnx()).path,
  intraOpThreads: Number(process.env.QA_THREADS ?? 2),
});
const load = loadavg().map((v) => Math.round(v * 100) / 100);
const runs: CountQaResult[] = [];
const pct = (v: number | null): string => (v === null ? "n/a" : `${(v * 100).toFixed(1)} %`);
const plan = [...rates.map((fps) => [fps, seconds] as const), [5, undefined] as const];
for (const [sampleFps, durationSeconds] of plan) {
  const r = await runCountQa({
    labels,
    videoPath: fixturePath("vtest.avi"),
    backend,
    sampleFps,
    durationSeconds,
  });
  runs.push(r);
  console.log(
    `${sampleFps} fps, ${r.window.startSeconds}–${r.window.endSeconds} s: truth ${r.truth.total} ` +
      `(→ ${r.truth.leftToRight}, ← ${r.truth.rightToLeft}), counted ${r.counted.total} ` +
      `(→ ${r.counted.leftToRight}, ← ${r.counted.rightToLeft}); count error ${pct(r.countError.total)} ` +
      `(→ ${pct(r.countError.leftToRight)}, ← ${pct(r.countError.rightToLeft)}); matched ${r.matched}, ` +
      `missed ${r.missed.length}, spurious ${r.spurious.length}; ${r.framesProcessed} frames in ${r.wallSeconds} s`,
  );
  for (const m of r.missed) console.log(`  missed   ${m.seconds.toFixed(1)} s ${m.direction}`);
  for (const s of r.spurious) console.log(`  spurious ${s.seconds.toFixed(1)} s ${s.direction}`);
}
await backend.close();
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
