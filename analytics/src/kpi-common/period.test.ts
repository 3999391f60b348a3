import { describe, expect, it } from "vitest";
import { localDayOf, localHourOf, localMinuteOfDay } from "./local-time.ts";
import { addDays, addMonths, checkPeriod, periodDays, shanghaiMidnightMs } from "./period.ts";
import { dateInPeriodSql, timestampInPeriodSql } from "./shanghai-sql.ts";
import { safeIdentifier } from "./identifier.ts";
import { median, quantileCont, safeRatio } from "./stats.ts";

describe("period", () => {
  it("counts days and rejects bad bounds", () => {
    expect(periodDays({ start: "2026-03-01", end: "2026-04-01" })).toBe(31);
    expect(periodDays({ start: "2024-01-01", end: "2025-01-01" })).toBe(366);
    expect(() => checkPeriod({ start: "2026-02-30", end: "2026-03-01" })).toThrow(
      /period.start: expected a date/,
    );
    expect(() => checkPeriod({ start: "2026-03-01", end: "2026-03-01" })).toThrow(/must be after start/);
  });

  it("shifts months clamping to the month end, as DuckDB does", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2024-02-29", -12)).toBe("2023-02-28");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("places local midnight 8 hours before UTC midnight", () => {
    expect(shanghaiMidnightMs("2026-03-01")).toBe(Date.parse("2026-02-28T16:00:00Z"));
    expect(localDayOf("2026-02-28T16:00:00Z")).toBe("2026-03-01");
    expect(localDayOf("2026-02-28T15:59:59Z")).toBe("2026-02-28");
    expect(localHourOf(Date.parse("2026-03-01T03:00:00Z"))).toBe(11);
    expect(localMinuteOfDay(new Date("2026-03-01T03:15:00Z"))).toBe(11 * 60 + 15);
  });

  it("selects periods with placeholders only", () => {
    const t = timestampInPeriodSql("ts", { start: "2026-03-01", end: "2026-03-02" });
    expect(t.sql).toBe("ts >= CAST(? AS DATE) - INTERVAL 8 HOUR AND ts < CAST(? AS DATE) - INTERVAL 8 HOUR");
    expect(t.params).toEqual(["2026-03-01", "2026-03-02"]);
    expect(dateInPeriodSql("day", { start: "2026-03-01", end: "2026-03-02" }).params).toHaveLength(2);
  });
});

describe("stats", () => {
  it("returns null, not Infinity, for a ratio against nothing", () => {
    expect(safeRatio(5, 0)).toBeNull();
    expect(safeRatio(5, null)).toBeNull();
    expect(safeRatio(null, 2)).toBeNull();
    expect(safeRatio(3, 4)).toBe(0.75);
  });

  it("interpolates quantiles like DuckDB's quantile_cont", () => {
    // (4 − 1) · 0.85 = 2.55 → 30 + 0.55 · (40 − 30) = 35.5
    expect(quantileCont([40, 10, 30, 20], 0.85)).toBeCloseTo(35.5, 12);
    expect(median([1, 2, 4, 10])).toBe(3);
    expect(median([])).toBeNull();
  });

  it("accepts only snake_case identifiers", () => {
    expect(safeIdentifier("town_gdp", "denominator.table")).toBe('"town_gdp"');
    expect(() => safeIdentifier('gdp"; DROP TABLE energy; --', "denominator.table")).toThrow(
      /denominator.table: expected a snake_case/,
    );
  });
});
