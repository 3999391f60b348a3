import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.ts";
import { dailyTceOption, partialLastDay, pivotDaily, splitPartialDay } from "./daily-tce-option.ts";

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

  it("keeps a day the data reaches into but not through out of the areas, and writes it above them", () => {
    const days = ["2026-11-24", "2026-11-25"];
    // 06:00 UTC is 14:00 in Shanghai on the 25th: today is being filled.
    expect(partialLastDay(days, "2026-11-25T06:00:00.000Z")).toEqual({ day: "2026-11-25", time: "14:00" });
    // 15:45 UTC is 23:45 on the 25th: the day is whole; 16:30 UTC is already the 26th.
    expect(partialLastDay(days, "2026-11-25T15:45:00.000Z")).toBeNull();
    expect(partialLastDay(days, "2026-11-25T16:30:00.000Z")).toBeNull();
    expect(partialLastDay(days, null)).toBeNull();
    expect(partialLastDay([], "2026-11-25T06:00:00.000Z")).toBeNull();

    const { whole, today } = splitPartialDay(pivotDaily(rows), { day: "2024-01-02", time: "14:00" });
    expect(whole).toEqual({
      days: ["2024-01-01"],
      series: { electricity: [1.5], water: [0.25], gas: [0], oil: [0] },
    });
    expect(today).toEqual({ day: "2024-01-02", time: "14:00", tce: 3 });
    const option = dailyTceOption(whole, createI18n("zh"), today) as {
      graphic: { style: { text: string } }[];
      xAxis: { data: string[] };
    };
    expect(option.xAxis.data).toEqual(["2024-01-01"]);
    expect(option.graphic.map((g) => g.style.text)).toEqual(["01-02 当日数据截至 14:00 · 3吨标准煤"]);
    // A whole last day, or none given: everything drawn, nothing written.
    expect(splitPartialDay(pivotDaily(rows), null).whole.days).toEqual(["2024-01-01", "2024-01-02"]);
    expect(splitPartialDay(pivotDaily(rows), { day: "2024-01-05", time: "09:00" }).today).toBeNull();
    expect((dailyTceOption(pivotDaily(rows), createI18n("zh")) as { graphic: unknown[] }).graphic).toEqual(
      [],
    );
  });
});
