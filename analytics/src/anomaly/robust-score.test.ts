import { describe, expect, it } from "vitest";
import { mad, median, robustScore } from "./robust-score.ts";

describe("robust score", () => {
  it("is |x − median| over 1.4826·MAD, with floors for flat baselines", () => {
    const xs = [10, 11, 9, 10, 100]; // one outlier does not move median or MAD
    expect(median(xs)).toBe(10);
    expect(mad(xs)).toBe(1);
    expect(robustScore(16, 10, 1, { abs: 0, rel: 0 })).toBeCloseTo(6 / 1.4826, 6);
    expect(robustScore(16, 10, 0, { abs: 0, rel: 0.1 })).toBeCloseTo(6, 6);
    expect(robustScore(16, 10, 0, { abs: 3, rel: 0.1 })).toBeCloseTo(2, 6);
    expect(median([])).toBeNaN();
    expect(median([1, 2, 3, 4])).toBe(2.5);
  });
});
