import { EN_SCALES, ZH_SCALES, compactParts, joinParts } from "./compact-number.ts";
import type { NumberFormatOptions, NumberParts } from "./compact-number.ts";

/**
 * Chinese number formatting for the screen: 万 / 亿 / 万亿 for large values, thousands
 * separators below 10,000, at most `digits` fraction digits (default 2), unit after.
 *
 * @example formatZh(123456789, { unit: "吨标准煤" }) // => "1.23亿吨标准煤"
 * @example formatZh(9876.5, { unit: "kWh" })       // => "9,876.5 kWh"
 */
export function formatZh(value: number, options: NumberFormatOptions = {}): string {
  return joinParts(formatZhParts(value, options));
}

/** {@link formatZh} as separate parts, so a panel can draw the unit smaller. */
export function formatZhParts(value: number, options: NumberFormatOptions = {}): NumberParts {
  return compactParts(value, ZH_SCALES, "zh-CN", options);
}

/**
 * English number formatting: thousands separators below a million, then M / B / T.
 *
 * @example formatEn(12345678, { unit: "tce" }) // => "12.35M tce"
 */
export function formatEn(value: number, options: NumberFormatOptions = {}): string {
  return joinParts(formatEnParts(value, options));
}

/** {@link formatEn} as separate parts. */
export function formatEnParts(value: number, options: NumberFormatOptions = {}): NumberParts {
  return compactParts(value, EN_SCALES, "en-US", options);
}
