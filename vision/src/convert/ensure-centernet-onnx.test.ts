import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { CENTERNET_COCO } from "../models/catalog.ts";
import { letterbox } from "../preprocess/letterbox.ts";
import { fixturePath } from "../testing/fixtures.ts";
import { REFERENCE_PATH } from "./centernet-reference.ts";
import type { CenternetReference } from "./centernet-reference.ts";
import { ensureCenternetOnnx } from "./ensure-centernet-onnx.ts";
import { compareDetectionRows, detectionRows, summariseTensor, summaryMaxDiff } from "./summarise-outputs.ts";

const TOLERANCE = 1e-4;
const REGENERATE = "npm run reference:centernet -w vision";

describe("ensureCenternetOnnx", () => {
  it("converts once, reuses the cached file, and rebuilds a damaged one", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "vision-model-cache-"));
    const first = await ensureCenternetOnnx({ cacheDir });
    expect(first.converted).toBe(true);
    expect(first.path).toMatch(/centernet-coco-[0-9a-f]{16}\.onnx$/);
    const second = await ensureCenternetOnnx({ cacheDir });
    expect(second).toMatchObject({ path: first.path, converted: false });
    writeFileSync(first.path, "truncated");
    const third = await ensureCenternetOnnx({ cacheDir });
    expect(third.converted).toBe(true);
    expect(readFileSync(first.path).length).toBeGreaterThan(1_000_000);
  });

  it("matches the original TFJS graph on dog.jpg within 1e-4", async () => {
    const reference = JSON.parse(
      await readFile(join(import.meta.dirname, "../..", REFERENCE_PATH), "utf8"),
    ) as CenternetReference;
    const imagePath = fixturePath("dog.jpg");
    expect(reference.modelSha256, "reference was computed from other model files").toEqual(
      Object.fromEntries(CENTERNET_COCO.files.map((f) => [f.path, f.sha256])),
    );
    const input = await letterbox(await readFile(imagePath), 512);
    const inputSha = createHash("sha256").update(new Uint8Array(input.data.buffer)).digest("hex");
    expect(inputSha, `letterbox output changed since the reference was made; rerun ${REGENERATE}`).toBe(
      reference.inputSha256,
    );

    const { path } = await ensureCenternetOnnx();
    const session = await ort.InferenceSession.create(path, { intraOpNumThreads: 1 });
    const out = await session.run({
      [CENTERNET_COCO.input.name]: new ort.Tensor("float32", input.data, input.dims),
    });
    const [keypoints, wh, detections] = CENTERNET_COCO.outputs.map((name) => out[name]);
    if (!keypoints || !wh || !detections) throw new Error(`session outputs ${Object.keys(out).join(", ")}`);

    const rows = compareDetectionRows(
      detectionRows(detections.data as Float32Array),
      reference.detections,
      TOLERANCE,
    );
    expect(rows.unmatched, "reference detections without an ONNX counterpart").toEqual([]);
    expect(rows.maxScaledDiff).toBeLessThanOrEqual(TOLERANCE);
    expect(
      summaryMaxDiff(summariseTensor(keypoints.data as Float32Array, keypoints.dims), reference.keypoints),
    ).toBeLessThanOrEqual(TOLERANCE);
    expect(
      summaryMaxDiff(summariseTensor(wh.data as Float32Array, wh.dims), reference.wh),
    ).toBeLessThanOrEqual(TOLERANCE);
  });
});
