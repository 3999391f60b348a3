import type { AqiStandardId, BreakpointTable } from "./aqi-standards.ts";
import { aqiStandard, iaqiSegments } from "./aqi-standards.ts";
import { IAQI_EPSILON } from "./iaqi.ts";
import type { Indicator } from "./pollutants.ts";

/** A numeric literal from our own tables, typed DOUBLE when it is not an integer. */
const num = (n: number): string => (Number.isInteger(n) ? String(n) : `CAST(${n} AS DOUBLE)`);

/**
 * A SQL expression for the IAQI of the DOUBLE expression `expr` against a breakpoint table:
 * one CASE arm per segment, generated from the same table and with the same arithmetic as
 * {@link iaqiFromTable}, so SQL and TS agree to the integer. INTEGER, NULL when `expr` is.
 */
export function iaqiTableSql(table: BreakpointTable, expr: string): string {
  const segments = iaqiSegments(table);
  const arms = segments.map(
    (s) =>
      `WHEN ${expr} <= ${num(s.cHi)} THEN ` +
      `CAST(ceil(${num(s.iLo)} + ${num(s.iHi - s.iLo)} * (${expr} - ${num(s.cLo)}) / ${num(s.cHi - s.cLo)} - ${IAQI_EPSILON}) AS INTEGER)`,
  );
  const above = table.aboveTop === "undefined" ? "NULL" : num(segments.at(-1)?.iHi ?? 500);
  return `(CASE WHEN ${expr} IS NULL THEN NULL ${arms.join(" ")} ELSE ${above} END)`;
}

/** {@link iaqiTableSql} for an indicator of a standard. */
export function iaqiSql(indicator: Indicator, expr: string, standard?: AqiStandardId): string {
  return iaqiTableSql(aqiStandard(standard).tables[indicator], expr);
}
