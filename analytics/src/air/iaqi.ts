import type { AqiStandardId, BreakpointTable } from "./aqi-standards.ts";
import { aqiStandard, iaqiSegments } from "./aqi-standards.ts";
import type { Indicator } from "./pollutants.ts";

/**
 * HJ 633-2012 §4.3: IAQI and AQI are rounded *up* to integers. Subtracting a hair first keeps
 * float noise (e.g. 57.000000000001) from bumping an exact value up; the SQL does the same.
 */
export const IAQI_EPSILON = 1e-9;

/**
 * IAQI of a concentration against one breakpoint table (HJ 633-2012 formula (1)):
 * `IAQI = IAQI_lo + (IAQI_hi − IAQI_lo) · (C − BP_lo) / (BP_hi − BP_lo)`, rounded up.
 *
 * Null when the concentration is missing, or above the top of a table whose standard says to
 * use another indicator instead (`aboveTop: "undefined"`). Above the top of a full table the
 * IAQI is capped at the last level (500): HJ 633 defines nothing beyond it.
 * @throws RangeError for a negative or non-finite concentration.
 */
export function iaqiFromTable(table: BreakpointTable, c: number | null | undefined): number | null {
  if (c == null) return null;
  if (!Number.isFinite(c) || c < 0) throw new RangeError(`IAQI: expected a concentration ≥ 0, got ${c}`);
  for (const s of iaqiSegments(table)) {
    if (c <= s.cHi)
      return Math.ceil(s.iLo + ((s.iHi - s.iLo) * (c - s.cLo)) / (s.cHi - s.cLo) - IAQI_EPSILON) + 0;
  }
  if (table.aboveTop === "undefined") return null;
  return iaqiSegments(table).at(-1)?.iHi ?? null;
}

/**
 * IAQI of `indicator` at concentration `c` (µg/m³; CO mg/m³) under a standard.
 * @example iaqi("pm25_24h", 80) // 107: 100 + 50 · (80 − 75) / (115 − 75) = 106.25 → 107
 */
export function iaqi(
  indicator: Indicator,
  c: number | null | undefined,
  standard?: AqiStandardId,
): number | null {
  return iaqiFromTable(aqiStandard(standard).tables[indicator], c);
}
