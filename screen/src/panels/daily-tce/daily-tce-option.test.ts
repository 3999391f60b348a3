import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.ts";
import { dailyTceOption, pivotDaily } from "./daily-tce-option.ts";

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
});
