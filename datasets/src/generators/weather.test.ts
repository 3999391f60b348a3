import { describe, expect, it } from "vitest";
import { dailyWeather, temperatureAt } from "./weather.ts";
import { dayOfDate, monthOfDay } from "./time.ts";

describe("dailyWeather", () => {
  const first = dayOfDate("2025-12-01");
  const w = dailyWeather(7, first, 365);
  const byMonth = (a: Float64Array, month: number) => {
    const xs = [...a].filter((_, i) => monthOfDay(first + i) === month);
    return xs.reduce((s, x) => s + x, 0) / xs.length;
  };

  it("is a function of the seed and the day only", () => {
    const part = dailyWeather(7, first + 100, 10);
    expect([...part.tmax]).toEqual([...w.tmax.subarray(100, 110)]);
    expect([...dailyWeather(8, first, 365).tmax]).not.toEqual([...w.tmax]);
  });

  it("has hot summers, mild winters and about a metre of rain", () => {
    expect(byMonth(w.tmax, 7)).toBeGreaterThan(31);
    expect(byMonth(w.tmax, 7)).toBeLessThan(38);
    expect(Math.max(...w.tmax)).toBeGreaterThan(35);
    expect(byMonth(w.tmax, 0)).toBeGreaterThan(7);
    expect(byMonth(w.tmax, 0)).toBeLessThan(14);
    const rain = w.rainMm.reduce((s, x) => s + x, 0);
    expect(rain).toBeGreaterThan(700);
    expect(rain).toBeLessThan(1400);
  });

  it("has stagnation episodes in winter only", () => {
    const stagnant = [...w.stagnation]
      .map((s, i) => [s, monthOfDay(first + i)] as const)
      .filter(([s]) => s > 0);
    expect(stagnant.length).toBeGreaterThan(5);
    expect(stagnant.every(([, m]) => m >= 10 || m <= 1)).toBe(true);
  });

  it("is coolest at dawn and warmest in the afternoon", () => {
    const d = first + 200;
    expect(temperatureAt(w, d, 6)).toBeCloseTo(w.tmin[200] as number, 5);
    expect(temperatureAt(w, d, 15)).toBeCloseTo(w.tmax[200] as number, 5);
    expect(temperatureAt(w, d, 10)).toBeGreaterThan(temperatureAt(w, d, 3));
  });
});
