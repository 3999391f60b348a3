import { describe, expect, it } from "vitest";
import { electricityWeatherFactor, loadShape, seasonalFactor, weeklyMean } from "./cycles.ts";
import { dayOfDate } from "./time.ts";

const at = (t: Float64Array, hour: number) => t[hour * 4] as number;

describe("load shapes", () => {
  it("puts day shifts' 10:00 well above 03:00 and keeps three shifts flat", () => {
    expect(at(loadShape("shift1", 0), 10)).toBeGreaterThan(3 * at(loadShape("shift1", 0), 3));
    expect(at(loadShape("shift2", 0), 20)).toBeGreaterThan(3 * at(loadShape("shift2", 0), 3));
    expect(at(loadShape("shift3", 0), 3) / at(loadShape("shift3", 0), 10)).toBeGreaterThan(0.8);
  });

  it("dips at weekends and holidays for industry and offices, not for shops", () => {
    expect(weeklyMean("shift1")).toBeLessThan(0.85);
    expect(at(loadShape("shift2", 2), 10)).toBeLessThan(at(loadShape("shift2", 0), 10));
    expect(at(loadShape("office", 3), 10)).toBeLessThan(0.5 * at(loadShape("office", 0), 10));
    expect(at(loadShape("commercial", 1), 14)).toBeGreaterThan(at(loadShape("commercial", 0), 14));
  });

  it("peaks households in the evening and commerce by day", () => {
    const home = loadShape("residential", 0);
    expect(home.indexOf(Math.max(...home)) / 4).toBeGreaterThanOrEqual(19);
    expect(at(loadShape("commercial", 0), 14)).toBeGreaterThan(2 * at(loadShape("commercial", 0), 4));
  });

  it("normalises a workday to mean 1", () => {
    const t = loadShape("office", 0);
    expect(t.reduce((s, x) => s + x, 0) / t.length).toBeCloseTo(1, 10);
  });

  it("troughs industry at the Spring Festival and peaks cooling in summer heat", () => {
    expect(seasonalFactor("equipment", "shift2", dayOfDate("2026-02-17"))).toBeLessThan(0.4);
    expect(seasonalFactor("equipment", "shift2", dayOfDate("2026-05-12"))).toBe(1);
    expect(electricityWeatherFactor("commercial", 32)).toBeGreaterThan(1.5);
    expect(electricityWeatherFactor("commercial", 16)).toBe(1);
  });
});
