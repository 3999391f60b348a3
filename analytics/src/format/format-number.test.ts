import { describe, expect, it } from "vitest";
import { formatEn, formatEnParts, formatZh, formatZhParts } from "./format-number.ts";

describe("formatZh", () => {
  it.each([
    [0, "0"],
    [12.345, "12.35"],
    [9876.5, "9,876.5"],
    [9999.999, "1万"],
    [12345.678, "1.23万"],
    [12345678, "1,234.57万"],
    [99_999_999, "1亿"],
    [123_456_789, "1.23亿"],
    [1.5e12, "1.5万亿"],
    [-12345, "-1.23万"],
    [-0.001, "0"],
    [Number.NaN, "—"],
    [Number.POSITIVE_INFINITY, "—"],
  ])("%d → %s", (value, text) => {
    expect(formatZh(value)).toBe(text);
  });

  it("puts CJK units right after, Latin units after a space", () => {
    expect(formatZh(123456789, { unit: "吨标准煤" })).toBe("1.23亿吨标准煤");
    expect(formatZh(9876.5, { unit: "kWh" })).toBe("9,876.5 kWh");
    expect(formatZh(55.5, { unit: "%" })).toBe("55.5%");
  });

  it("honours digits and fixed", () => {
    expect(formatZh(12345.678, { digits: 0 })).toBe("1万");
    expect(formatZh(1234.5, { digits: 2, fixed: true })).toBe("1,234.50");
    expect(formatZh(12000, { digits: 1, fixed: true })).toBe("1.2万");
  });

  it("splits parts for a smaller unit", () => {
    expect(formatZhParts(123456, { unit: "吨" })).toEqual({ number: "12.35", scale: "万", unit: "吨" });
  });
});

describe("formatEn", () => {
  it.each([
    [9876.5, "9,876.5"],
    [123456.7, "123,456.7"],
    [999_999.999, "1M"],
    [12_345_678, "12.35M"],
    [4.2e9, "4.2B"],
    [3e12, "3T"],
    [Number.NaN, "—"],
  ])("%d → %s", (value, text) => {
    expect(formatEn(value)).toBe(text);
  });

  it("writes a unit after a space", () => {
    expect(formatEn(12_345_678, { unit: "tce" })).toBe("12.35M tce");
    expect(formatEnParts(2_500_000, { unit: "kWh" })).toEqual({ number: "2.5", scale: "M", unit: "kWh" });
  });
});
