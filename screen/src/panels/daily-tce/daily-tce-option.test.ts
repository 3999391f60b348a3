import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.ts";
import { dailyTceOption, partialLastDay, pivotDaily } from "./daily-tce-option.ts";

describe("daily tce chart", () => {
  const rows = [
    { day: "2024-01-02", carrier: "electricity", tce: 3 },
    { day: "2024-01-01", carrier: "electricity", tce: 1.5 },
    { day: "2024-01-01", carrier: "water", tce: 0.25 },
    { day: "2024-01-02", carrier: "steam", tce: 9 },
  ];

  it("pivots rows into day-aligned series, sorted by day, 0 where missing", () => {
    expect(pivotDaily(rows)).toEqual({
      days: ["2024-01-01", "2024-01-02"],
      series: { electricity: [1.5, 3], water: [0.25, 0], gas: [0, 0], oil: [0, 0] },
    });
  });

  it("stacks one area series per carrier with Chinese names", () => {
    const option = dailyTceOption(pivotDaily(rows), createI18n("zh")) as {
      series: { name: string; stack: string; data: number[] }[];
    };
    expect(option.series.map((s) => [s.name, s.stack])).toEqual([
      ["电力", "tce"],
      ["水", "tce"],
      ["天然气", "tce"],
      ["油品", "tce"],
    ]);
  });

  it("marks a last day the data reaches into but not through, in Beijing time", () => {
    const days = ["2026-11-24", "2026-11-25"];
    // 06:00 UTC is 14:00 in Shanghai on the 25th: today is being filled.
    expect(partialLastDay(days, "2026-11-25T06:00:00.000Z")).toEqual({ day: "2026-11-25", time: "14:00" });
    // 15:45 UTC is 23:45 on the 25th: the day is whole; 16:30 UTC is already the 26th.
    expect(partialLastDay(days, "2026-11-25T15:45:00.000Z")).toBeNull();
    expect(partialLastDay(days, "2026-11-25T16:30:00.000Z")).toBeNull();
    expect(partialLastDay(days, null)).toBeNull();
    expect(partialLastDay([], "2026-11-25T06:00:00.000Z")).toBeNull();

    const option = dailyTceOption(pivotDaily(rows), createI18n("zh"), {
      day: "2024-01-02",
      time: "14:00",
    }) as {
      series: { markArea?: { label: { formatter: string }; data: { xAxis: string }[][] } }[];
    };
    const marked = option.series.filter((s) => s.markArea);
    expect(marked).toHaveLength(1);
    expect(marked[0]?.markArea?.label.formatter).toBe("当日数据截至 14:00");
    expect(marked[0]?.markArea?.data).toEqual([[{ xAxis: "2024-01-01" }, { xAxis: "2024-01-02" }]]);
    const whole = dailyTceOption(pivotDaily(rows), createI18n("zh")) as { series: { markArea?: unknown }[] };
    expect(whole.series.some((s) => s.markArea)).toBe(false);
  });
});
