import { describe, expect, it } from "vitest";
import {
  localMonthSql,
  monthOfMs,
  monthsOfRange,
  monthsWhereSql,
  nextMonth,
  timeKindOf,
} from "./month-parts.ts";

describe("month parts", () => {
  it("places an instant in its Asia/Shanghai month", () => {
    // 2026-02-28 15:59:59 UTC is 23:59:59 on 28 February in Shanghai; one second later is March.
    expect(monthOfMs(Date.UTC(2026, 1, 28, 15, 59, 59))).toBe("2026-02");
    expect(monthOfMs(Date.UTC(2026, 1, 28, 16))).toBe("2026-03");
    // A DATE's epoch ms (UTC midnight) stays in its own month.
    expect(monthOfMs(Date.UTC(2026, 2, 31))).toBe("2026-03");
  });

  it("lists every month a range touches, across a year end", () => {
    expect(monthsOfRange([Date.UTC(2025, 10, 30, 20), Date.UTC(2026, 0, 1)])).toEqual(["2025-12", "2026-01"]);
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(() => nextMonth("2026-13")).toThrow(/expected YYYY-MM, got "2026-13"/);
  });

  it("writes month filters on the raw column", () => {
    expect(monthsWhereSql('"ts"', "timestamp", "2026-02", "2026-03")).toBe(
      `"ts" >= (TIMESTAMP '2026-02-01 00:00:00' - INTERVAL 8 HOUR) AND "ts" < (TIMESTAMP '2026-04-01 00:00:00' - INTERVAL 8 HOUR)`,
    );
    expect(monthsWhereSql('"day"', "date", "2026-12", "2026-12")).toBe(
      `"day" >= DATE '2026-12-01' AND "day" < DATE '2027-01-01'`,
    );
    expect(localMonthSql('"ts"', "timestamp")).toBe(`strftime("ts" + INTERVAL 8 HOUR, '%Y-%m')`);
    expect([timeKindOf("DATE"), timeKindOf("TIMESTAMP_MS"), timeKindOf("VARCHAR")]).toEqual([
      "date",
      "timestamp",
      null,
    ]);
  });
});
