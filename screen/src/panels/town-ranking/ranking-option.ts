import type { Row } from "@citybrain/analytics/browser";
import type { EChartsCoreOption } from "echarts/core";
import type { I18n } from "../../i18n/i18n.ts";
import { AXIS_LABEL, DIGIT_TEXT, TOOLTIP } from "../chart-theme.ts";

/** One bar of the ranking. */
export interface RankedTown {
  code: string;
  name: string;
  tce: number;
}

/** Read `{ town_code, town_name, tce }` rows (already ordered by the query). */
export function rankedTowns(rows: readonly Row[]): RankedTown[] {
  return rows.map((r) => ({ code: String(r.town_code), name: String(r.town_name), tce: Number(r.tce ?? 0) }));
}

const BAR = {
  type: "linear",
  x: 0,
  y: 0,
  x2: 1,
  y2: 0,
  colorStops: [
    { offset: 0, color: "rgba(0, 110, 220, 0.55)" },
    { offset: 1, color: "#09edfe" },
  ],
};
const BAR_SELECTED = {
  ...BAR,
  colorStops: [
    { offset: 0, color: "rgba(255, 170, 0, 0.5)" },
    { offset: 1, color: "#ffd901" },
  ],
};

/**
 * Capsule bars, largest on top, the selected town in gold, values at the bar ends.
 */
export function rankingOption(
  towns: readonly RankedTown[],
  selected: string | null,
  i18n: I18n,
): EChartsCoreOption {
  return {
    animationDuration: 600,
    grid: { left: 120, right: 84, top: 8, bottom: 8 },
    tooltip: {
      trigger: "item",
      ...TOOLTIP,
      valueFormatter: (v: unknown) => i18n.number(Number(v), { unit: i18n.t("unitTce") }),
    },
    xAxis: { type: "value", show: false },
    yAxis: {
      type: "category",
      inverse: true,
      data: towns.map((t) => t.code),
      axisLabel: {
        formatter: (code: string) => {
          const i = towns.findIndex((t) => t.code === code);
          const style = code === selected ? "sel" : "name";
          return `{rank|${String(i + 1).padStart(2, "0")}}{${style}|${towns[i]?.name ?? code}}`;
        },
        rich: {
          rank: { ...AXIS_LABEL, ...DIGIT_TEXT, fontSize: 16, color: "#4fd2dd", width: 26, align: "left" },
          name: { ...AXIS_LABEL, fontSize: 15, color: "#d3d6dd", width: 78, align: "left" },
          sel: { ...AXIS_LABEL, fontSize: 15, color: "#ffd901", fontWeight: 700, width: 78, align: "left" },
        },
      },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: "bar",
        barWidth: 12,
        showBackground: true,
        backgroundStyle: { color: "rgba(255,255,255,0.06)", borderRadius: 6 },
        itemStyle: { borderRadius: 6 },
        label: {
          show: true,
          position: "right",
          distance: 8,
          color: "#e8fbff",
          fontSize: 17,
          ...DIGIT_TEXT,
          formatter: (p: { value: number }) => i18n.number(p.value, { digits: 1 }),
        },
        data: towns.map((t) => ({
          value: t.tce,
          itemStyle: { color: t.code === selected ? BAR_SELECTED : BAR },
        })),
      },
    ],
  };
}
