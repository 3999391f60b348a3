import type { Row } from "@citybrain/analytics/browser";
import type { EChartsCoreOption } from "echarts/core";
import type { I18n } from "../../i18n/i18n.ts";
import { CARRIERS, carrierKeys } from "../carriers.ts";
import type { CarrierId } from "../carriers.ts";
import { AXIS_LABEL, AXIS_LINE, LEGEND_TEXT, SPLIT_LINE, TOOLTIP } from "../chart-theme.ts";

/** Daily tce pivoted for a stacked chart: one value per day per carrier (0 where missing). */
export interface DailyByCarrier {
  days: string[];
  series: Record<CarrierId, number[]>;
}

/**
 * Pivot `{ day, carrier, tce }` rows into aligned series.
 *
 * @example pivotDaily([{ day: "2024-01-01", carrier: "gas", tce: 2 }])
 * // => { days: ["2024-01-01"], series: { electricity: [0], water: [0], gas: [2], oil: [0] } }
 */
export function pivotDaily(rows: readonly Row[]): DailyByCarrier {
  const days = [...new Set(rows.map((r) => String(r.day)))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  const series = Object.fromEntries(CARRIERS.map((c) => [c.id, days.map(() => 0)])) as Record<
    CarrierId,
    number[]
  >;
  for (const r of rows) {
    const values = series[r.carrier as CarrierId];
    const i = index.get(String(r.day));
    if (values && i !== undefined) values[i] = Number(r.tce ?? 0);
  }
  return { days, series };
}

/** The stacked-area option for daily tce by carrier. */
export function dailyTceOption(data: DailyByCarrier, i18n: I18n): EChartsCoreOption {
  return {
    animationDuration: 600,
    color: CARRIERS.map((c) => c.color),
    grid: { left: 58, right: 16, top: 44, bottom: 30 },
    legend: { top: 4, right: 8, itemWidth: 14, itemHeight: 8, textStyle: LEGEND_TEXT },
    tooltip: {
      trigger: "axis",
      ...TOOLTIP,
      valueFormatter: (v: unknown) => i18n.number(Number(v), { unit: i18n.t("unitTce") }),
    },
    xAxis: {
      type: "category",
      boundaryGap: false,
      data: data.days,
      axisLabel: { ...AXIS_LABEL, formatter: (d: string) => d.slice(5) },
      axisLine: AXIS_LINE,
      axisTick: { show: false },
    },
    yAxis: {
      type: "value",
      name: i18n.t("tceAxis"),
      nameTextStyle: { ...AXIS_LABEL, align: "right" },
      axisLabel: { ...AXIS_LABEL, formatter: (v: number) => i18n.number(v, { digits: 0 }) },
      splitLine: SPLIT_LINE,
    },
    series: CARRIERS.map((c) => ({
      name: i18n.t(carrierKeys(c.id).name),
      type: "line",
      stack: "tce",
      smooth: true,
      showSymbol: false,
      lineStyle: { width: 1.5 },
      areaStyle: { opacity: 0.28 },
      emphasis: { focus: "series" },
      data: data.series[c.id],
    })),
  };
}
