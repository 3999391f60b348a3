import { describe, expect, it } from "vitest";
import { dbPostprocess } from "./db-postprocess.ts";

describe("dbPostprocess", () => {
  it("finds each text blob, grows it by the unclip distance and drops weak or tiny ones", () => {
    const width = 40;
    const height = 20;
    const prob = new Float32Array(width * height);
    const fill = (x1: number, y1: number, x2: number, y2: number, p: number): void => {
      for (let y = y1; y < y2; y++) for (let x = x1; x < x2; x++) prob[y * width + x] = p;
    };
    fill(2, 2, 22, 6, 0.9); // a word: 20×4
    fill(25, 10, 35, 16, 0.5); // faint: mean 0.5 < 0.6
    fill(5, 14, 7, 18, 0.95); // 2 px wide: too small
    const regions = dbPostprocess(prob, width, height);
    expect(regions).toHaveLength(1);
    // unclip distance = 20·4·1.5 / (2·24) = 2.5
    expect(regions[0]?.box).toEqual({ x1: 0, y1: 0, x2: 24.5, y2: 8.5 });
    expect(regions[0]?.score).toBeCloseTo(0.9);
  });
});
