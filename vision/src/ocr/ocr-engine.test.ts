import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FrameError } from "../backend/inference-backend.ts";
import { fixturePath } from "../testing/fixtures.ts";
import { renderPlateScene, requireCjkFont } from "../testing/render-plate.ts";
import { OcrEngine } from "./ocr-engine.ts";
import { parsePlate } from "./plate-text.ts";

describe("OcrEngine (PP-OCRv4)", () => {
  let ocr: OcrEngine;
  beforeAll(async () => {
    ocr = await OcrEngine.create({ intraOpThreads: 2 });
  });
  afterAll(() => ocr?.close());

  it("reads the street sign in scenetext01.jpg line by line", async () => {
    const { lines } = await ocr.read(await readFile(fixturePath("scenetext01.jpg")));
    expect(lines.slice(0, 5).map((l) => l.text)).toEqual([
      "NOTICE",
      "DOUBLE",
      "PARKING",
      "PROHIBITED",
      "AT ALL TIMES",
    ]);
    // The sign hangs at x ≈ 260–440, y ≈ 20–265 of the 800×600 photo.
    for (const line of lines.slice(0, 5)) {
      expect(line.box.x1).toBeGreaterThan(255);
      expect(line.box.x2).toBeLessThan(445);
      expect(line.score).toBeGreaterThan(0.85);
    }
  });

  it("reads Chongqing plates, 渝 included", async () => {
    requireCjkFont();
    for (const plate of ["渝A·D1234", "渝B·5K678"]) {
      const { lines } = await ocr.read(await renderPlateScene(plate));
      expect(lines.map((l) => parsePlate(l.text))).toEqual([plate]);
    }
  });

  it("invents no plate for the motion-blurred one in licenseplate_motion.jpg", async () => {
    // OpenCV's deblurring sample: the plate is smeared beyond reading, for people too.
    const { lines } = await ocr.read(await readFile(fixturePath("licenseplate_motion.jpg")));
    expect(lines.map((l) => parsePlate(l.text)).filter(Boolean)).toEqual([]);
  });

  it("names the camera when the image cannot be decoded", async () => {
    await expect(ocr.read(Buffer.from("not a jpeg"), "gate-2")).rejects.toThrow(FrameError);
    await expect(ocr.read(Buffer.from("not a jpeg"), "gate-2")).rejects.toThrow(
      /^camera "gate-2": frame is not a decodable image/,
    );
  });
});
