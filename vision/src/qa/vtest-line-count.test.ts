import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessBackend } from "../backend/in-process-backend.ts";
import { ensureCenternetOnnx } from "../convert/ensure-centernet-onnx.ts";
import { fixtureManifest, fixturePath, repoRoot } from "../testing/fixtures.ts";
import { cachingBackend } from "./detection-cache.ts";
import type { CachingBackend } from "./detection-cache.ts";
import { loadLineLabels } from "./line-labels.ts";
import type { LineLabels } from "./line-labels.ts";
import { runCountQa } from "./run-count-qa.ts";
import type { CountQaResult } from "./run-count-qa.ts";

const summary = (r: CountQaResult): string =>
  `count QA ${r.window.startSeconds}–${r.window.endSeconds} s @${r.sampleFps} fps: truth ${r.truth.total}, ` +
  `counted ${r.counted.total}, error ${((r.countError.total ?? 0) * 100).toFixed(1)} %, matched ${r.matched}, ` +
  `missed ${r.missed.length}, spurious ${r.spurious.length}, ${r.framesProcessed} frames in ${r.wallSeconds} s`;

// The real part of the count QA (docs/vision-count-qa.md) against the hand labels: the first 20 s
// of vtest.avi at 5 fps (11 crossings) and the first 60 s at 2 fps, the demo cameras' rate (24
// crossings). Frames both runs sample are detected once. The full QA is `npm run qa -w vision`.
describe("count QA on vtest.avi", () => {
  let backend: CachingBackend;
  let labels: LineLabels;
  beforeAll(async () => {
    const inner = await createInProcessBackend({
      modelPath: (await ensureCenternetOnnx()).path,
      intraOpThreads: 2,
    });
    backend = cachingBackend(inner);
    labels = await loadLineLabels(join(repoRoot, "vision/qa/vtest-line-labels.json"));
    const video = fixtureManifest().files.find((f) => f.name === labels.video);
    expect(video?.sha256, "the labels belong to this exact video").toBe(labels.videoSha256);
  });
  afterAll(() => backend?.close());

  const run = (sampleFps: number, durationSeconds: number) =>
    runCountQa({ labels, videoPath: fixturePath(labels.video), backend, sampleFps, durationSeconds });

  it("counts the first 20 s at 5 fps within 10 %, each crossing matched in time", async () => {
    const result = await run(5, 20);
    console.log(summary(result));
    expect(result.truth).toEqual({ leftToRight: 5, rightToLeft: 6, total: 11 });
    expect(Math.abs(result.countError.total ?? 1)).toBeLessThanOrEqual(0.1);
    expect(result.matched).toBeGreaterThanOrEqual(10);
    expect(result.spurious.length).toBeLessThanOrEqual(1);
  });

  it("counts the first 60 s at 2 fps within 5 % (issue #6), each crossing matched in time", async () => {
    const result = await run(2, 60);
    console.log(summary(result));
    expect(result.truth).toEqual({ leftToRight: 10, rightToLeft: 14, total: 24 });
    expect(Math.abs(result.countError.total ?? 1)).toBeLessThanOrEqual(0.05);
    expect(result.matched).toBeGreaterThanOrEqual(22);
    expect(result.spurious.length).toBeLessThanOrEqual(1);
  }, 120_000);
});
