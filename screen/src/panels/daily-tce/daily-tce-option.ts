import { NO_VALUE, formatDateTimeZh, type Row } from "@citybrain/analytics/browser";
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

/** The last day of a chart when the data does not cover it yet: its day and the time it reaches. */
export interface PartialDay {
  day: string;
  /** Asia/Shanghai `HH:mm` the data reaches on that day. */
  time: string;
}

/**
 * Whether the last of `days` is still being filled: the data reaches (`through`, ISO) into that
 * Asia/Shanghai day but not its last hour. A live feed's today would otherwise read as a drop.
 *
 * @example partialLastDay(["2026-11-24", "2026-11-25"], "2026-11-25T06:00:00Z") // => { day: "2026-11-25", time: "14:00" }
 */
export function partialLastDay(days: readonly string[], through: string | null): PartialDay | null {
  const last = days.at(-1);
  if (!through || !last) return null;
  const local = formatDateTimeZh(through, { minutes: true });
  if (local === NO_VALUE) return null;
  const [day, time = ""] = local.split(" ");
  return day === last && time < "23:00" ? { day, time } : null;
}

/** The complete days of a pivot and the day still being filled (its total), when there is one. */
export function splitPartialDay(
  data: DailyByCarrier,
  partial: PartialDay | null,
): { whole: DailyByCarrier; today: (PartialDay & { tce: number }) | null } {
  if (!partial || data.days.at(-1) !== partial.day) return { whole: data, today: null };
  const n = data.days.length - 1;
  const series = Object.fromEntries(
    CARRIERS.map((c) => [c.id, data.series[c.id].slice(0, n)]),
  ) as DailyByCarrier["series"];
  const tce = CARRIERS.reduce((sum, c) => sum + (data.series[c.id][n] ?? 0), 0);
  return { whole: { days: data.days.slice(0, n), series }, today: { ...partial, tce } };
}

/**
 * The stacked-area option for daily tce by carrier, over complete days; a day still being filled
 * is not drawn as a drop but written above the plot (`当日数据截至 04:00 · 123.4 吨标准煤`).
 */
export function dailyTceOption(
  data: DailyByCarrier,
  i18n: I18n,
  today: (PartialDay & { tce: number }) | null = null,
): EChartsCoreOption {
  const note = today && {
    type: "text",
    right: 16,
    top: 24,
    style: {
      text: `${today.day.slice(5)} ${i18n.t("partialThrough")} ${today.time} · ${i18n.number(today.tce, { unit: i18n.t("unitTce") })}`,
      fill: "#ffd901",
      font: '12px "Noto Sans SC", sans-serif',
      textAlign: "right",
    },
  };
  return {
    animationDuration: 600,
    graphic: note ? [note] : [],
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
