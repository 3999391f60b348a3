import type { QuerySpec, Row } from "@citybrain/analytics/browser";
import { createEChartHost } from "../../components/echart-host.ts";
import { createPanelFrame } from "../../components/panel-frame.ts";
import { deferred } from "../panel.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { dailyTceOption, pivotDaily } from "./daily-tce-option.ts";

/**
 * Daily tce stacked by carrier (`data-testid="chart-daily-tce"`). Filtered by the selected town.
 */
export function createDailyTcePanel(ctx: PanelContext): Panel {
  const { i18n } = ctx;
  const frame = createPanelFrame({
    id: "daily-tce",
    title: i18n.t("panelDaily"),
    loadingText: i18n.t("loading"),
  });
  frame.root.classList.add("panel-tall");
  const chart = createEChartHost(frame.body, "chart-daily-tce");
  const first = deferred();
  const spec: QuerySpec = {
    from: ctx.extract,
    measures: [{ field: "tce", agg: "sum", as: "tce" }],
    dimensions: [{ field: "day" }, { field: "carrier" }],
  };
  return {
    id: "daily-tce",
    frame,
    rendered: first.promise,
    specs: () => ({ daily: spec }),
    async update(results: Record<string, Row[]>) {
      const data = pivotDaily(results.daily ?? []);
      chart.el.dataset.days = String(data.days.length);
      frame.setState("ready");
      await chart.render(dailyTceOption(data, i18n));
      first.resolve();
    },
    error: (e) => frame.setState("error", `${i18n.t("loadError")}${e.message}`),
    setScale: (s) => chart.setScale(s),
  };
}
