import { describe, expect, it } from "vitest";
import { CHONGKAN_TOWN, trafficDayFactor, trafficShape } from "./traffic-cycles.ts";
import { dayOfDate } from "./time.ts";

const at = (t: Float64Array, h: number, m = 0) => t[h * 60 + m] as number;

describe("traffic cycles", () => {
  it("peaks urban workdays at 07:30–09:00 and 17:30–19:00", () => {
    const t = trafficShape("urban", 0);
    const max = Math.max(...t);
    const peak = t.indexOf(max) / 60;
    expect(peak).toBeGreaterThanOrEqual(7.5);
    expect(peak).toBeLessThanOrEqual(9);
    expect(at(t, 18, 15)).toBeGreaterThan(1.3 * at(t, 14));
    expect(at(t, 8, 15)).toBeGreaterThan(10 * at(t, 3));
    expect(at(trafficShape("urban", 2), 8, 15)).toBeLessThan(0.8 * at(t, 8, 15));
  });

  it("swells scenic spots and highways at weekends and holidays", () => {
    const sat = dayOfDate("2026-05-16");
    expect(trafficDayFactor("scenic", 1, sat, "500152110")).toBeGreaterThan(
      2 * trafficDayFactor("scenic", 0, sat, "500152110"),
    );
    const oct3 = dayOfDate("2026-10-03");
    expect(trafficDayFactor("highway", 3, oct3, "500152001")).toBeGreaterThan(1.4);
  });

  it("draws crowds to the 崇龛 rapeseed flowers in March", () => {
    const march = trafficDayFactor("scenic", 1, dayOfDate("2026-03-14"), CHONGKAN_TOWN);
    const may = trafficDayFactor("scenic", 1, dayOfDate("2026-05-16"), CHONGKAN_TOWN);
    expect(march).toBeGreaterThan(2.5 * may);
    expect(trafficDayFactor("scenic", 1, dayOfDate("2026-03-14"), "500152110")).toBeCloseTo(may, 5);
  });

  it("empties urban commuting and fills town roads at the Spring Festival", () => {
    const sf = dayOfDate("2026-02-18");
    expect(trafficDayFactor("urban", 3, sf, "500152001")).toBeLessThan(0.6);
    expect(trafficDayFactor("rural", 3, sf, "500152121")).toBeGreaterThan(1.3);
  });
});
