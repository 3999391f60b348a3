import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.ts";
import { rankedTowns, rankingOption } from "./ranking-option.ts";

describe("town ranking chart", () => {
  const towns = rankedTowns([
    { town_code: "T2", town_name: "桂林街道", tce: 4.75 },
    { town_code: "T1", town_name: "梓潼街道", tce: 3.5 },
  ]);

  it("labels bars with rank and name, largest first", () => {
    const option = rankingOption(towns, "T1", createI18n("zh")) as {
      yAxis: { data: string[]; inverse: boolean; axisLabel: { formatter: (code: string) => string } };
    };
    expect(option.yAxis.data).toEqual(["T2", "T1"]);
    expect(option.yAxis.data.map(option.yAxis.axisLabel.formatter)).toEqual([
      "{rank|01}{name|桂林街道}",
      "{rank|02}{sel|梓潼街道}",
    ]);
    expect(option.yAxis.inverse).toBe(true);
  });

  it("paints only the selected town gold", () => {
    const option = rankingOption(towns, "T1", createI18n("zh")) as {
      series: { data: { value: number; itemStyle: { color: { colorStops: { color: string }[] } } }[] }[];
    };
    const ends = option.series[0]?.data.map((d) => d.itemStyle.color.colorStops[1]?.color);
    expect(ends).toEqual(["#09edfe", "#ffd901"]);
  });
});
