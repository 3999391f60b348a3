import { describe, expect, it } from "vitest";
import { pointInPolygon, segmentsIntersect, signedDistance } from "./point.ts";

describe("point geometry", () => {
  // A vertical line drawn upwards on screen, from (10, 20) to (10, 0).
  const a = { x: 10, y: 20 };
  const b = { x: 10, y: 0 };
  it("puts the screen-right side of a → b on the positive side", () => {
    expect(signedDistance({ x: 13, y: 5 }, a, b)).toBeCloseTo(3);
    expect(signedDistance({ x: 4, y: 5 }, a, b)).toBeCloseTo(-6);
    expect(signedDistance({ x: 10, y: 50 }, a, b)).toBe(0);
  });
  it("intersects segments only within their extent", () => {
    expect(segmentsIntersect({ x: 0, y: 10 }, { x: 20, y: 10 }, a, b)).toBe(true);
    expect(segmentsIntersect({ x: 0, y: 30 }, { x: 20, y: 30 }, a, b)).toBe(false);
    expect(segmentsIntersect({ x: 0, y: 10 }, { x: 5, y: 10 }, a, b)).toBe(false);
  });
  it("tests points against a concave polygon", () => {
    const l = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 4 },
      { x: 4, y: 4 },
      { x: 4, y: 10 },
      { x: 0, y: 10 },
    ];
    expect(pointInPolygon({ x: 2, y: 8 }, l)).toBe(true);
    expect(pointInPolygon({ x: 8, y: 2 }, l)).toBe(true);
    expect(pointInPolygon({ x: 8, y: 8 }, l)).toBe(false);
    expect(pointInPolygon({ x: -1, y: 2 }, l)).toBe(false);
  });
});
