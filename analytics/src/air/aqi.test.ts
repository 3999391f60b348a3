import { describe, expect, it } from "vitest";
import { aqiCategory } from "./aqi-categories.ts";
import { aqiFromIaqi, dailyAqi, hourlyAqi } from "./aqi.ts";

describe("aqiCategory", () => {
  it("bands integer AQIs by HJ 633 Table 2", () => {
    const level = (aqi: number) => aqiCategory(aqi)?.level;
    expect([0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500].map(level)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
    ]);
    expect(aqiCategory(107)).toMatchObject({
      zh: "轻度污染",
      en: "Lightly polluted",
      color: "#FF7E00",
      grade: "三级",
    });
    expect(aqiCategory(301)?.color).toBe("#7E0023");
    expect(aqiCategory(null)).toBeNull();
    expect(() => aqiCategory(-3)).toThrow(RangeError);
  });
});

describe("aqiFromIaqi", () => {
  const base = { pm25: 20, pm10: 30, so2: 5, no2: 40, co: 10, o3: 45 };

  it("names every pollutant tied at the max as primary", () => {
    const r = aqiFromIaqi({ ...base, pm25: 107, pm10: 107 });
    expect(r.aqi).toBe(107);
    expect(r.primaryPollutants).toEqual(["pm25", "pm10"]);
    expect(r.exceedingPollutants).toEqual(["pm25", "pm10"]);
  });

  it("names no primary pollutant at AQI 50 and one at 51", () => {
    expect(aqiFromIaqi({ ...base, pm25: 50, so2: 50 }).primaryPollutants).toEqual([]);
    expect(aqiFromIaqi({ ...base, pm25: 51 }).primaryPollutants).toEqual(["pm25"]);
  });

  it("ignores missing pollutants; all missing → no AQI", () => {
    expect(aqiFromIaqi({ ...base, pm25: null, o3: 60 }).aqi).toBe(60);
    const none = aqiFromIaqi({ pm25: null, pm10: null, so2: null, no2: null, co: null, o3: null });
    expect(none).toMatchObject({ aqi: null, primaryPollutants: [], category: null });
  });
});

describe("hourlyAqi", () => {
  it("reads SO2/NO2/CO/O3 against 1 h tables and PM against 24 h tables", () => {
    const r = hourlyAqi({ pm25: 80, pm10: 40, so2: 100, no2: 250, co: 2, o3: 180 });
    // pm25 107 (as above); pm10 50·40/50 = 40; so2 1 h 50·100/150 = 33.3 → 34;
    // no2 1 h 105; co 1 h 50·2/5 = 20; o3 1 h 50 + 50·20/40 = 75
    expect(r.iaqi).toEqual({ pm25: 107, pm10: 40, so2: 34, no2: 105, co: 20, o3: 75 });
    expect(r.aqi).toBe(107);
    expect(r.primaryPollutants).toEqual(["pm25"]);
    expect(r.exceedingPollutants).toEqual(["pm25", "no2"]);
  });

  it("uses the 24 h SO2 table above 800 µg/m³ 1 h", () => {
    // 24 h mean 500: 150 + 50 · (500 − 475) / (800 − 475) = 153.85 → 154
    expect(hourlyAqi({ so2: 900, so2_24h: 500 }).iaqi.so2).toBe(154);
    // without a 24 h mean, 900 itself on the 24 h table: 200 + 100 · 100 / 800 = 212.5 → 213
    expect(hourlyAqi({ so2: 900 }).iaqi.so2).toBe(213);
    expect(hourlyAqi({ so2: 800 }).iaqi.so2).toBe(200);
  });
});

describe("dailyAqi", () => {
  it("computes the worked example PM2.5 80 µg/m³ → 107", () => {
    expect(dailyAqi({ pm25: 80 }).aqi).toBe(107);
  });

  it("takes the larger of O3 max 8 h and max 1 h by default", () => {
    // 8 h 150: 50 + 50·50/60 = 91.67 → 92; 1 h 310: 150 + 50·10/100 = 155
    expect(dailyAqi({ o3_8h: 150, o3_1h: 310 }).iaqi.o3).toBe(155);
    expect(dailyAqi({ o3_8h: 150, o3_1h: 310 }, { o3OneHourInDaily: false }).iaqi.o3).toBe(92);
    // 8 h 170 → 110; 1 h 210: 100 + 50·10/100 = 105 → 110
    expect(dailyAqi({ o3_8h: 170, o3_1h: 210 }).iaqi.o3).toBe(110);
  });

  it("uses O3 1 h when the 8 h value is above 800", () => {
    // 1 h 900: 300 + 100 · (900 − 800) / (1000 − 800) = 350
    expect(dailyAqi({ o3_8h: 850, o3_1h: 900 }).iaqi.o3).toBe(350);
    expect(dailyAqi({ o3_8h: 850, o3_1h: 900 }, { o3OneHourInDaily: false }).iaqi.o3).toBe(350);
    expect(dailyAqi({ o3_8h: 850 }).iaqi.o3).toBeNull();
  });

  it("reads SO2/NO2/CO against the 24 h tables", () => {
    const r = dailyAqi({ so2: 50, no2: 41.5, co: 1 });
    // so2 50 → 50; no2 50 + 50·1.5/40 = 51.875 → 52; co 50·1/2 = 25
    expect(r.iaqi).toMatchObject({ so2: 50, no2: 52, co: 25 });
    expect(r.primaryPollutants).toEqual(["no2"]);
  });

  it("switches PM breakpoints with the standard", () => {
    expect(dailyAqi({ pm25: 70 }).aqi).toBe(94); // 50 + 50·35/40 = 93.75 → 94
    expect(dailyAqi({ pm25: 70 }, { standard: "hj633-2026-draft" }).aqi).toBe(110); // 100 + 50·10/55 = 109.1 → 110
  });
});
