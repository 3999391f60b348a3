import type { QuerySpec, Row } from "@citybrain/analytics/browser";
import type { EChartsCoreOption } from "echarts/core";
import { createEChartHost } from "../../components/echart-host.ts";
import { createPanelFrame } from "../../components/panel-frame.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { CARRIERS, carrierKeys } from "../carriers.ts";
import type { CarrierId } from "../carriers.ts";
import { DIGIT_TEXT, LEGEND_TEXT, TOOLTIP } from "../chart-theme.ts";
import { deferred } from "../panel.ts";
import type { Panel, PanelContext } from "../panel.ts";

/** Each carrier's share of total tce, in display order (0 where missing). */
export function carrierShares(rows: readonly Row[]): { id: CarrierId; tce: number; share: number }[] {
  const tce = new Map(rows.map((r) => [String(r.carrier), Number(r.tce ?? 0)]));
  const total = CARRIERS.reduce((sum, c) => sum + (tce.get(c.id) ?? 0), 0);
  return CARRIERS.map((c) => {
    const v = tce.get(c.id) ?? 0;
    return { id: c.id, tce: v, share: total > 0 ? v / total : 0 };
  });
}

function mixOption(rows: readonly Row[], i18n: I18n): EChartsCoreOption {
  const shares = carrierShares(rows);
  const label = new Map(shares.map((s) => [i18n.t(carrierKeys(s.id).name), s]));
  return {
    animationDuration: 600,
    color: CARRIERS.map((c) => c.color),
    tooltip: {
      trigger: "item",
      ...TOOLTIP,
      valueFormatter: (v: unknown) => i18n.number(Number(v), { unit: i18n.t("unitTce") }),
    },
    legend: {
      orient: "vertical",
      right: 16,
      top: "middle",
      itemGap: 18,
      itemWidth: 12,
      itemHeight: 12,
      textStyle: {
        ...LEGEND_TEXT,
        fontSize: 16,
        rich: { pct: { ...DIGIT_TEXT, fontSize: 18, color: "#e8fbff", padding: [0, 0, 0, 8] } },
      },
      formatter: (name: string) => `${name}{pct|${((label.get(name)?.share ?? 0) * 100).toFixed(1)}%}`,
    },
    series: [
      {
        type: "pie",
        radius: ["52%", "74%"],
        center: ["32%", "52%"],
        padAngle: 2,
        itemStyle: { borderRadius: 4, borderColor: "rgba(2,10,20,0.6)", borderWidth: 1 },
        label: { show: false },
        data: shares.map((s) => ({ name: i18n.t(carrierKeys(s.id).name), value: s.tce })),
      },
    ],
  };
}

/** The energy mix ring: each carrier's share of tce. Filtered by the selected town. */
export function createEnergyMixPanel(ctx: PanelContext): Panel {
  const { i18n } = ctx;
  const frame = createPanelFrame({
    id: "energy-mix",
    title: i18n.t("panelMix"),
    loadingText: i18n.t("loading"),
  });
  const chart = createEChartHost(frame.body, "chart-energy-mix");
  const first = deferred();
  const spec: QuerySpec = {
    from: ctx.extract,
    measures: [{ field: "tce", agg: "sum", as: "tce" }],
    dimensions: [{ field: "carrier" }],
  };
  return {
    id: "energy-mix",
    frame,
    rendered: first.promise,
    specs: () => ({ mix: spec }),
    async update(results: Record<string, Row[]>) {
      frame.setState("ready");
      await chart.render(mixOption(results.mix ?? [], i18n));
      first.resolve();
    },
    error: (e) => frame.setState("error", `${i18n.t("loadError")}${e.message}`),
    setScale: (s) => chart.setScale(s),
  };
}
