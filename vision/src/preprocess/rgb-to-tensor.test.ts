import { describe, expect, it } from "vitest";
import { rgbToTensor } from "./rgb-to-tensor.ts";

describe("rgbToTensor", () => {
  // Two pixels, 2×1: red-ish and blue-ish.
  const rgb = Uint8Array.from([200, 100, 0, 0, 50, 255]);
  it("lays out NHWC RGB and NCHW BGR with per-channel normalisation", () => {
    expect(
      Array.from(rgbToTensor(rgb, 2, 1, { layout: "NHWC", colour: "RGB", mean: [0, 0, 0], std: [1, 1, 1] })),
    ).toEqual([200, 100, 0, 0, 50, 255]);
    const bgr = rgbToTensor(rgb, 2, 1, {
      layout: "NCHW",
      colour: "BGR",
      mean: [127.5, 127.5, 127.5],
      std: [127.5, 127.5, 127.5],
    });
    expect(Array.from(bgr).map((v) => Number(v.toFixed(3)))).toEqual([-1, 1, -0.216, -0.608, 0.569, -1]);
  });
  it("rejects a buffer of the wrong size", () => {
    expect(() =>
      rgbToTensor(rgb, 3, 1, { layout: "NHWC", colour: "RGB", mean: [0, 0, 0], std: [1, 1, 1] }),
    ).toThrow(/expected 9 RGB bytes/);
  });
});
