import { describe, expect, it } from "vitest";
import { boxArea, boxCentre, clipBox, iou } from "./box.ts";

describe("box geometry", () => {
  const a = { x1: 0, y1: 0, x2: 10, y2: 10 };
  it("computes IoU of overlapping, nested, touching and disjoint boxes", () => {
    expect(iou(a, { x1: 5, y1: 0, x2: 15, y2: 10 })).toBeCloseTo(50 / 150);
    expect(iou(a, { x1: 2, y1: 2, x2: 7, y2: 7 })).toBeCloseTo(25 / 100);
    expect(iou(a, { x1: 10, y1: 0, x2: 20, y2: 10 })).toBe(0);
    expect(iou(a, { x1: 30, y1: 30, x2: 40, y2: 40 })).toBe(0);
    expect(iou(a, a)).toBe(1);
  });
  it("clips, measures and centres", () => {
    expect(clipBox({ x1: -5, y1: 3, x2: 120, y2: 60 }, 100, 50)).toEqual({ x1: 0, y1: 3, x2: 100, y2: 50 });
    expect(boxArea({ x1: 5, y1: 5, x2: 1, y2: 9 })).toBe(0);
    expect(boxCentre(a)).toEqual({ x: 5, y: 5 });
  });
});
