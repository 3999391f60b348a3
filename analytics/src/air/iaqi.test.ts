import { describe, expect, it } from "vitest";
import { AQI_STANDARDS, aqiStandard } from "./aqi-standards.ts";
import { iaqi } from "./iaqi.ts";

describe("iaqi (HJ 633-2012)", () => {
  it("interpolates linearly and rounds up", () => {
    // 100 + (150 − 100) · (80 − 75) / (115 − 75) = 106.25 → 107
    expect(iaqi("pm25_24h", 80)).toBe(107);
    // 50 + 50 · (35.1 − 35) / 40 = 50.125 → 51
    expect(iaqi("pm25_24h", 35.1)).toBe(51);
    // CO 24 h: 50 + 50 · (3 − 2) / (4 − 2) = 75
    expect(iaqi("co_24h", 3)).toBe(75);
    // NO2 1 h: 100 + 50 · (250 − 200) / (700 − 200) = 105
    expect(iaqi("no2_1h", 250)).toBe(105);
    // O3 8 h: 100 + 50 · (170 − 160) / (215 − 160) = 109.09 → 110
    expect(iaqi("o3_8h", 170)).toBe(110);
  });

  it("gives the level itself at exact breakpoints", () => {
    expect(iaqi("pm25_24h", 0)).toBe(0);
    expect(Object.is(iaqi("pm25_24h", 0), 0)).toBe(true); // not -0
    expect(iaqi("pm25_24h", 35)).toBe(50);
    expect(iaqi("pm25_24h", 75)).toBe(100);
    expect(iaqi("pm10_24h", 150)).toBe(100);
    expect(iaqi("so2_24h", 475)).toBe(150);
    expect(iaqi("pm25_24h", 500)).toBe(500);
    expect(iaqi("o3_8h", 800)).toBe(300);
    expect(iaqi("so2_1h", 800)).toBe(200);
  });

  it("does not let float noise round an exact value up", () => {
    // 50 · 4.9 / 35 is exactly 7, but evaluates to 7.000000000000001 in doubles.
    expect((50 * (4.9 - 0)) / 35).toBeGreaterThan(7);
    expect(iaqi("pm25_24h", 4.9)).toBe(7);
  });

  it("caps at 500 above the top of a full table", () => {
    expect(iaqi("pm25_24h", 501)).toBe(500);
    expect(iaqi("co_1h", 1000)).toBe(500);
  });

  it("gives no IAQI above the top of O3 8 h and SO2 1 h (another indicator applies)", () => {
    expect(iaqi("o3_8h", 801)).toBeNull();
    expect(iaqi("so2_1h", 800.5)).toBeNull();
  });

  it("passes nulls through and rejects negative concentrations", () => {
    expect(iaqi("pm10_24h", null)).toBeNull();
    expect(iaqi("pm10_24h", undefined)).toBeNull();
    expect(() => iaqi("pm10_24h", -1)).toThrow(/expected a concentration ≥ 0, got -1/);
    expect(() => iaqi("pm10_24h", Number.NaN)).toThrow(RangeError);
  });

  it("selects the unconfirmed 2026 draft breakpoints for PM", () => {
    expect(AQI_STANDARDS["hj633-2026-draft"].confirmed).toBe(false);
    expect(iaqi("pm25_24h", 60, "hj633-2026-draft")).toBe(100);
    // 100 + 50 · (75 − 60) / (115 − 60) = 113.64 → 114
    expect(iaqi("pm25_24h", 75, "hj633-2026-draft")).toBe(114);
    // 100 + 50 · (150 − 120) / (250 − 120) = 111.54 → 112
    expect(iaqi("pm10_24h", 150, "hj633-2026-draft")).toBe(112);
    expect(iaqi("o3_8h", 170, "hj633-2026-draft")).toBe(110);
    expect(() => aqiStandard("gb-2099" as never)).toThrow(/unknown AQI standard "gb-2099"/);
  });
});
