import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { probeFrame } from "./probe-frame.ts";

const image = (format: "jpeg" | "png" | "webp", width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: "#456" } })
    .toFormat(format)
    .toBuffer();

describe("probeFrame", () => {
  it("reads format and size of JPEG and PNG frames from the header", async () => {
    expect(await probeFrame("gate-3", await image("jpeg"))).toEqual({
      format: "jpeg",
      width: 64,
      height: 48,
    });
    expect(await probeFrame("gate-3", await image("png", 20, 10))).toEqual({
      format: "png",
      width: 20,
      height: 10,
    });
  });

  it("refuses empty, garbage, other formats and oversized images, naming the camera", async () => {
    const refusal = (bytes: Uint8Array, maxPixels?: number) =>
      probeFrame("gate-3", bytes, { maxPixels }).then(
        () => null,
        (e: { code: string; message: string }) => [e.code, e.message],
      );
    expect(await refusal(new Uint8Array())).toEqual([
      "not_an_image",
      'camera "gate-3": the frame is not a JPEG or PNG image (the body is empty)',
    ]);
    const [code, message] = (await refusal(new TextEncoder().encode("not an image at all"))) ?? [];
    expect(code).toBe("not_an_image");
    expect(message).toMatch(
      /^camera "gate-3": the frame is not a JPEG or PNG image \(19 bytes that cannot be decoded: .+\)$/,
    );
    expect(await refusal(await image("webp"))).toEqual([
      "not_an_image",
      'camera "gate-3": the frame is not a JPEG or PNG image (it is webp)',
    ]);
    expect(await refusal(await image("png", 200, 100), 10_000)).toEqual([
      "image_too_large",
      'camera "gate-3": the frame is 200×100 pixels; at most 10000 pixels are accepted (scale it down)',
    ]);
  });
});
