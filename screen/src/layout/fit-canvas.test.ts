import { describe, expect, it } from "vitest";
import { fitCanvas } from "./fit-canvas.ts";

describe("fitCanvas", () => {
  it("scales 16:9 windows exactly", () => {
    expect(fitCanvas(1920, 1080)).toEqual({ scale: 1, offsetX: 0, offsetY: 0 });
    expect(fitCanvas(3840, 2160)).toEqual({ scale: 2, offsetX: 0, offsetY: 0 });
  });

  it("letterboxes a wide wall instead of stretching", () => {
    expect(fitCanvas(5760, 1080)).toEqual({ scale: 1, offsetX: 1920, offsetY: 0 });
  });

  it("pillarboxes a tall window", () => {
    expect(fitCanvas(1280, 1024)).toEqual({ scale: 1280 / 1920, offsetX: 0, offsetY: 152 });
  });
});
