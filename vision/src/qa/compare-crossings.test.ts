import { describe, expect, it } from "vitest";
import { compareCrossings } from "./compare-crossings.ts";

const r = (seconds: number) => ({ seconds, direction: "right-to-left" as const });
const l = (seconds: number) => ({ seconds, direction: "left-to-right" as const });

describe("compareCrossings", () => {
  it("matches one to one within the tolerance, same direction", () => {
    const result = compareCrossings(
      [r(1), r(4.5), l(11), l(30)],
      [r(1.4), r(4.6), r(5.2), r(11), l(31.2)],
      1.5,
    );
    expect(result.truth).toEqual({ leftToRight: 2, rightToLeft: 2, total: 4 });
    expect(result.counted).toEqual({ leftToRight: 1, rightToLeft: 4, total: 5 });
    expect(result.countError).toEqual({ leftToRight: -0.5, rightToLeft: 1, total: 0.25 });
    expect(result.matched).toBe(3);
    expect(result.missed).toEqual([l(11)]);
    expect(result.spurious).toEqual([r(5.2), r(11)]);
    expect(result.meanOffsetSeconds).toBeCloseTo((0.4 + 0.1 + 1.2) / 3, 2);
  });

  it("finds the matching with the most pairs, then the smallest total gap", () => {
    // Three walkers 0.7 s apart, each counted 0.5 s early (1 fps): nearest-first would pair
    // 12.0 with 11.8 and 11.3 with 11.0, leaving 10.5 and 12.5 apart by 2 s.
    const result = compareCrossings([l(11), l(11.8), l(12.5)], [l(10.5), l(11.3), l(12)], 1.5);
    expect([result.matched, result.missed, result.spurious]).toEqual([3, [], []]);
    expect(result.meanOffsetSeconds).toBe(-0.5);
    // With a choice, the nearer count is the match and the other the spurious one.
    const choice = compareCrossings([r(10)], [r(9), r(10.1)]);
    expect([choice.matched, choice.spurious]).toEqual([1, [r(9)]]);
  });

  it("reports no ratio when there is nothing to count", () => {
    expect(compareCrossings([], []).countError).toEqual({
      leftToRight: null,
      rightToLeft: null,
      total: null,
    });
  });
});
