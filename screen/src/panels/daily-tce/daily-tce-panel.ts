import type { QuerySpec, Row } from "@citybrain/analytics/browser";
import { createEChartHost } from "../../components/echart-host.ts";
import { createPanelFrame } from "../../components/panel-frame.ts";
import { deferred } from "../panel.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { dailyTceOption, partialLastDay, pivotDaily, splitPartialDay } from "./daily-tce-option.ts";

/**
 * Daily tce stacked by carrier (`data-testid="chart-daily-tce"`). Filtered by the selected town.
 * `setThrough` gives how far the energy data reaches: a day still being filled is left out of the
 * areas (it would read as a drop) and written above them with its total so far (`data-partial-day`).
 */
export function createDailyTcePanel(ctx: PanelContext): Panel & { setThrough(through: string | null): void } {
  const { i18n } = ctx;
  const frame = createPanelFrame({
    id: "daily-tce",
    title: i18n.t("panelDaily"),
    loadingText: i18n.t("loading"),
  });
  frame.root.classList.add("panel-tall");
  const chart = createEChartHost(frame.body, "chart-daily-tce");
  const first = deferred();
  let through: string | null = null;
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
    setThrough(next) {
      through = next;
    },
    async update(results: Record<string, Row[]>) {
      const data = pivotDaily(results.daily ?? []);
      const { whole, today } = splitPartialDay(data, partialLastDay(data.days, through));
      chart.el.dataset.days = String(whole.days.length);
      chart.el.dataset.partialDay = today ? `${today.day} ${today.time}` : "";
      frame.setState("ready");
      await chart.render(dailyTceOption(whole, i18n, today));
      first.resolve();
    },
    error: (e) => frame.setState("error", `${i18n.t("loadError")}${e.message}`),
    setScale: (s) => chart.setScale(s),
  };
}
