import { describe, expect, it } from "vitest";
import { easeOutCubic, rollingValue } from "./rolling-number.ts";

describe("rolling number easing", () => {
  it("eases out from 0 to 1", () => {
    expect(easeOutCubic(0)).toBe(0);
    expect(easeOutCubic(1)).toBe(1);
    expect(easeOutCubic(0.5)).toBeCloseTo(0.875);
    expect(easeOutCubic(2)).toBe(1);
  });

  it("lands exactly on the target at the end", () => {
    expect(rollingValue(100, 200, 0, 1000)).toBe(100);
    expect(rollingValue(100, 200, 500, 1000)).toBeCloseTo(187.5);
    expect(rollingValue(100, 200.123, 1000, 1000)).toBe(200.123);
    expect(rollingValue(100, 200, 10, 0)).toBe(200);
  });
});
