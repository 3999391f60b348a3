import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPlateScene, requireCjkFont } from "../testing/render-plate.ts";
import { createOcrWorker } from "./create-ocr-worker.ts";
import { OcrEngine } from "./ocr-engine.ts";
import { parsePlate } from "./plate-text.ts";
import type { RgbImage, TextReader } from "./text-reader.ts";

// One contract for every TextReader: the in-process engine and the worker thread read the same
// pixels the same way and reject a malformed image without dying.
const implementations: [string, () => Promise<TextReader>][] = [
  ["OcrEngine", () => OcrEngine.create()],
  ["createOcrWorker", () => createOcrWorker({ maxQueue: 1 })],
];

describe.each(implementations)("TextReader contract: %s", (_name, create) => {
  let reader: TextReader;
  let plate: RgbImage;
  beforeAll(async () => {
    requireCjkFont();
    reader = await create();
    const { data, info } = await sharp(await renderPlateScene("渝B·5K678"))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    plate = { data, width: info.width, height: info.height };
  });
  afterAll(() => reader?.close());

  it("reads a plate from decoded pixels, with its box in those pixels", async () => {
    const { lines, timings } = await reader.readPixels(plate, "gate-2");
    expect(lines.map((l) => parsePlate(l.text))).toEqual(["渝B·5K678"]);
    // The plate is drawn at x 290–510, y 300–370 of the 800×500 scene.
    expect(lines[0]?.box.x1).toBeGreaterThan(280);
    expect(lines[0]?.box.x2).toBeLessThan(520);
    expect(timings.detectionMs).toBeGreaterThan(0);
    // The models' own run time is part of, and less than, the whole read.
    expect(timings.inferenceMs).toBeGreaterThan(0);
    expect(timings.inferenceMs).toBeLessThan(timings.detectionMs + timings.recognitionMs);
  });

  it("rejects pixels that do not match their size, then keeps working", async () => {
    const bad = { data: new Uint8Array(10), width: 4, height: 4 };
    await expect(reader.readPixels(bad, "gate-2")).rejects.toThrow(/expected 4×4×3 = 48 bytes, got 10/);
    expect((await reader.readPixels(plate, "gate-2")).lines).toHaveLength(1);
  });
});

describe("createOcrWorker", () => {
  it("refuses images beyond maxQueue at once, naming the camera, and reads the rest", async () => {
    const worker = await createOcrWorker({ maxQueue: 1 });
    try {
      const image = { data: new Uint8Array(64 * 32 * 3).fill(128), width: 64, height: 32 };
      const [first, second, third] = await Promise.allSettled([
        worker.readPixels(image, "gate-1"),
        worker.readPixels(image, "gate-1"),
        worker.readPixels(image, "gate-1"),
      ]);
      expect([first?.status, second?.status]).toEqual(["fulfilled", "fulfilled"]);
      expect(third).toMatchObject({
        status: "rejected",
        reason: { message: 'camera "gate-1": 1 images already wait for the OCR worker; image dropped' },
      });
    } finally {
      await worker.close();
    }
    await expect(
      worker.readPixels({ data: new Uint8Array(3), width: 1, height: 1 }, "gate-1"),
    ).rejects.toThrow('camera "gate-1": OCR worker is closed');
  });
});
