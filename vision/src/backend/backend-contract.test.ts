import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCenternetOnnx } from "../convert/ensure-centernet-onnx.ts";
import { fixturePath } from "../testing/fixtures.ts";
import { createInProcessBackend } from "./in-process-backend.ts";
import { FrameError } from "./inference-backend.ts";
import type { InferenceBackend } from "./inference-backend.ts";
import { createWorkerPoolBackend } from "./worker-pool-backend.ts";

// The TFJS reference rows (src/convert/centernet-dog-reference.json) above the 0.3 threshold,
// mapped from the 512² letterbox back to the 768×576 photo by hand: scale 2/3, 64 px padding.
const DOG_JPG = [
  { label: "bicycle", score: 0.547, box: [114.7, 128.3, 562.5, 472.3] },
  { label: "car", score: 0.5257, box: [468.2, 77.7, 681.2, 165.4] },
  { label: "dog", score: 0.362, box: [126.2, 213.8, 310.6, 536.8] },
];

const implementations: [string, (modelPath: string) => Promise<InferenceBackend>][] = [
  ["in-process", (modelPath) => createInProcessBackend({ modelPath })],
  ["worker pool", (modelPath) => createWorkerPoolBackend({ modelPath, poolSize: 2, intraOpThreads: 1 })],
];

describe.each(implementations)("InferenceBackend contract: %s", (_name, make) => {
  let backend: InferenceBackend;
  let dog: Buffer;

  beforeAll(async () => {
    dog = await readFile(fixturePath("dog.jpg"));
    backend = await make((await ensureCenternetOnnx()).path);
  });
  afterAll(() => backend?.close());

  it("finds the bicycle, the car and the dog in dog.jpg where the TFJS graph does", async () => {
    const result = await backend.detect({ cameraId: "cam-dog", image: dog, timestamp: 1234 });
    expect(result).toMatchObject({ cameraId: "cam-dog", timestamp: 1234, width: 768, height: 576 });
    expect(result.detections.map((d) => d.label)).toEqual(DOG_JPG.map((d) => d.label));
    result.detections.forEach((d, i) => {
      const expected = DOG_JPG[i];
      expect(d.score).toBeCloseTo(expected?.score ?? NaN, 3);
      [d.box.x1, d.box.y1, d.box.x2, d.box.y2].forEach((v, k) =>
        expect(Math.abs(v - (expected?.box[k] ?? NaN))).toBeLessThan(1),
      );
    });
    expect(result.timings.inferenceMs).toBeGreaterThan(0);
  });

  it("rejects truncated, corrupt and non-image frames naming the camera, and keeps working", async () => {
    const bad: [string, Uint8Array][] = [
      ["cam-truncated", dog.subarray(0, dog.length / 2)],
      ["cam-header-only", dog.subarray(0, 5000)],
      ["cam-text", Buffer.from("this is not an image")],
      ["cam-empty", new Uint8Array(0)],
    ];
    for (const [cameraId, image] of bad) {
      const error = await backend.detect({ cameraId, image }).catch((e: unknown) => e);
      expect(error, cameraId).toBeInstanceOf(FrameError);
      expect((error as FrameError).cameraId).toBe(cameraId);
      expect((error as Error).message).toMatch(
        new RegExp(`^camera "${cameraId}": frame is not a decodable image \\(.+\\)$`),
      );
    }
    const after = await backend.detect({ cameraId: "cam-dog", image: dog });
    expect(after.detections).toHaveLength(3);
  });

  it("answers concurrent frames from several cameras, each with its own result", async () => {
    const person = await readFile(fixturePath("person.jpg"));
    const frames = Array.from({ length: 6 }, (_, i) => ({
      cameraId: `cam-${i}`,
      image: i % 2 ? person : dog,
    }));
    const results = await Promise.all(frames.map((f) => backend.detect(f)));
    results.forEach((r, i) => {
      expect(r.cameraId).toBe(`cam-${i}`);
      expect(r.width).toBe(i % 2 ? 640 : 768);
    });
    expect(results[1]?.detections.map((d) => d.label)).toContain("person");
  });
});
