import { describe, expect, it } from "vitest";
import { hingeFit } from "./hinge-fit.ts";

describe("hingeFit", () => {
  it("finds where a slow rise turns steep", () => {
    const xs = Array.from({ length: 30 }, (_, i) => i);
    const ys = xs.map((x) => (x < 18 ? 40 + 0.2 * x : 40 + 0.2 * 18 + 2.5 * (x - 18)) + (x % 2 ? 0.1 : -0.1));
    const fit = hingeFit(xs, ys);
    expect(fit?.knee).toBe(18);
    expect(fit?.slopeBefore).toBeCloseTo(0.2, 1);
    expect(fit?.slopeAfter).toBeCloseTo(2.5, 1);
    expect(hingeFit([0, 1, 2], [1, 2, 3])).toBeNull();
  });
});
