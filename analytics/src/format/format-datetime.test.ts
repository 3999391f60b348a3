import { describe, expect, it } from "vitest";
import {
  formatClockEn,
  formatClockZh,
  formatDateTimeEn,
  formatDateTimeZh,
  formatTimeOfDay,
} from "./format-datetime.ts";

describe("Asia/Shanghai date-time formatting", () => {
  it("shifts UTC to UTC+8 across midnight, month and year ends", () => {
    expect(formatDateTimeZh("2024-05-01T00:00:00Z")).toBe("2024-05-01 08:00:00");
    expect(formatDateTimeZh("2023-12-31T16:30:05Z")).toBe("2024-01-01 00:30:05");
    expect(formatDateTimeZh(new Date("2024-02-28T20:00:00Z"))).toBe("2024-02-29 04:00:00");
    expect(formatDateTimeZh(Date.UTC(2024, 0, 1, 4, 5, 6), { minutes: true })).toBe("2024-01-01 12:05");
    expect(formatDateTimeZh("2024-05-01T08:00:00+08:00")).toBe("2024-05-01 08:00:00");
  });

  it("marks invalid input", () => {
    expect(formatDateTimeZh("yesterday")).toBe("—");
    expect(formatClockZh(Number.NaN)).toBe("—");
  });

  it("formats the title-bar clock with the weekday", () => {
    expect(formatClockZh(Date.UTC(2024, 4, 1, 0, 0, 0))).toBe("08:00:00 星期三 2024-05-01");
    // 2024-01-06 23:00 UTC is Sunday 07:00 in Shanghai.
    expect(formatClockZh("2024-01-06T23:00:00Z")).toBe("07:00:00 星期日 2024-01-07");
    expect(formatClockEn("2024-01-06T23:00:00Z")).toBe("07:00:00 Sun 2024-01-07");
    expect(formatDateTimeEn("2024-05-01T00:00:00Z")).toBe("2024-05-01 08:00:00 CST");
  });

  it("gives the time of day alone, across midnight", () => {
    expect(formatTimeOfDay("2024-01-06T23:00:05Z")).toBe("07:00:05");
    expect(formatTimeOfDay(Date.UTC(2024, 0, 1, 15, 59, 59))).toBe("23:59:59");
    expect(formatTimeOfDay("not a time")).toBe("—");
  });
});
