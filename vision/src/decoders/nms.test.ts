import { describe, expect, it } from "vitest";
import type { Detection } from "./detection.ts";
import { classWiseNms } from "./nms.ts";

const det = (classId: number, score: number, x1: number, y1 = 0, w = 10): Detection => ({
  classId,
  label: `c${classId}`,
  score,
  box: { x1, y1, x2: x1 + w, y2: y1 + w },
});

describe("classWiseNms", () => {
  it("keeps the best of overlapping same-class boxes and every class separately", () => {
    const input = [det(2, 0.5, 0), det(2, 0.9, 1), det(7, 0.4, 1), det(2, 0.6, 50), det(2, 0.3, 8)];
    const kept = classWiseNms(input, 0.45);
    expect(kept.map((d) => [d.classId, d.score])).toEqual([
      [2, 0.9],
      [2, 0.6],
      [7, 0.4],
      [2, 0.3],
    ]);
  });

  it("suppresses only above the IoU threshold and honours the limit", () => {
    // IoU of [0,10] and [5,15] squares is 50/150 = 0.33.
    expect(classWiseNms([det(0, 0.9, 0), det(0, 0.8, 5)], 0.3)).toHaveLength(1);
    expect(classWiseNms([det(0, 0.9, 0), det(0, 0.8, 5)], 0.34)).toHaveLength(2);
    expect(classWiseNms([det(0, 0.9, 0), det(1, 0.8, 0), det(2, 0.7, 0)], 0.5, 2)).toHaveLength(2);
  });
});
