import { describe, expect, it } from "vitest";
import {
  dayKindOf,
  holidayOf,
  isWorkday,
  springFestivalFactor,
  springFestivalFactorOfDay,
} from "./calendar.ts";
import { dayOfDate, dayStart } from "./time.ts";

const at = (date: string, hour = 12) => dayStart(dayOfDate(date)) + hour * 3600_000;

describe("calendar", () => {
  it("knows the official holidays and makeup workdays", () => {
    expect(isWorkday(at("2026-02-14"))).toBe(true); // Saturday, worked (调休)
    expect(isWorkday(at("2026-02-16"))).toBe(false);
    expect(holidayOf(at("2026-02-16"))).toBe("春节");
    expect(isWorkday(at("2026-01-04"))).toBe(true); // Sunday, worked
    expect(isWorkday(at("2025-10-08"))).toBe(false); // 2025: National Day and Mid-Autumn together
    expect(isWorkday(at("2026-10-08"))).toBe(true);
    expect(dayKindOf(dayOfDate("2026-09-20"))).toBe("makeup");
    expect(dayKindOf(dayOfDate("2026-11-21"))).toBe("weekend");
    expect(dayKindOf(dayOfDate("2026-11-23"))).toBe("workday");
  });

  it("reads days in Asia/Shanghai: 23:30 UTC on 30 Sep is already 1 Oct there", () => {
    expect(isWorkday(Date.UTC(2026, 8, 30, 15, 30))).toBe(true); // 23:30 local on the 30th
    expect(isWorkday(Date.UTC(2026, 8, 30, 16, 30))).toBe(false); // 00:30 local on 1 Oct
  });

  it("has a Spring Festival trough of two to three weeks", () => {
    expect(springFestivalFactor(at("2026-02-17"))).toBeLessThan(0.35);
    expect(springFestivalFactor(at("2026-04-17"))).toBe(1);
    let low = 0;
    for (let d = dayOfDate("2026-01-01"); d < dayOfDate("2026-04-01"); d++)
      if (springFestivalFactorOfDay(d) < 0.6) low++;
    expect(low).toBeGreaterThanOrEqual(14);
    expect(low).toBeLessThanOrEqual(25);
  });
});
