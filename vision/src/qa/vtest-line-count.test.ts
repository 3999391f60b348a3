import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessBackend } from "../backend/in-process-backend.ts";
import type { InferenceBackend } from "../backend/inference-backend.ts";
import { ensureCenternetOnnx } from "../convert/ensure-centernet-onnx.ts";
import { fixtureManifest, fixturePath, repoRoot } from "../testing/fixtures.ts";
import { loadLineLabels } from "./line-labels.ts";
import { runCountQa } from "./run-count-qa.ts";

// The short, real part of the count QA (docs/vision-count-qa.md): the first 20 s of vtest.avi at
// 5 fps against the hand labels, 11 crossings. The full 60 s run is `npm run qa -w vision`.
describe("count QA on vtest.avi (first 20 s)", () => {
  let backend: InferenceBackend;
  beforeAll(async () => {
    backend = await createInProcessBackend({
      modelPath: (await ensureCenternetOnnx()).path,
      intraOpThreads: 2,
    });
  });
  afterAll(() => backend?.close());

  it("counts the labelled line crossings within 10 %, each one matched in time", async () => {
    const labels = await loadLineLabels(join(repoRoot, "vision/qa/vtest-line-labels.json"));
    const video = fixtureManifest().files.find((f) => f.name === labels.video);
    expect(video?.sha256, "the labels belong to this exact video").toBe(labels.videoSha256);
    const result = await runCountQa({
      labels,
      videoPath: fixturePath(labels.video),
      backend,
      sampleFps: 5,
      durationSeconds: 20,
    });
    console.log(
      `count QA 0–20 s @5 fps: truth ${result.truth.total}, counted ${result.counted.total}, ` +
        `error ${((result.countError.total ?? 0) * 100).toFixed(1)} %, matched ${result.matched}, ` +
        `missed ${result.missed.length}, spurious ${result.spurious.length}`,
    );
    expect(result.truth).toEqual({ leftToRight: 5, rightToLeft: 6, total: 11 });
    expect(Math.abs(result.countError.total ?? 1)).toBeLessThanOrEqual(0.1);
    expect(result.matched).toBeGreaterThanOrEqual(10);
    expect(result.spurious.length).toBeLessThanOrEqual(1);
  });
});
