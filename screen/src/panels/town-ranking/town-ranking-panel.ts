import type { QuerySpec, Row } from "@citybrain/analytics/browser";
import { createEChartHost } from "../../components/echart-host.ts";
import { createPanelFrame } from "../../components/panel-frame.ts";
import type { SelectionClause, Selections } from "../../query/query-client.ts";
import { deferred } from "../panel.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { rankedTowns, rankingOption } from "./ranking-option.ts";
import type { RankedTown } from "./ranking-option.ts";

/** How many towns the ranking shows. */
export const RANKING_SIZE = 12;

/**
 * Towns ranked by total tce (top {@link RANKING_SIZE}). Not filtered by the town selection:
 * it highlights the selected town instead, and clicking a bar selects that town.
 */
export function createTownRankingPanel(
  ctx: PanelContext,
  options: { select(clause: SelectionClause | null): void },
): Panel {
  const { i18n } = ctx;
  const frame = createPanelFrame({
    id: "town-ranking",
    title: i18n.t("panelRanking"),
    loadingText: i18n.t("loading"),
  });
  frame.root.classList.add("panel-tall");
  const chart = createEChartHost(frame.body, "chart-town-ranking");
  const first = deferred();
  const spec: QuerySpec = {
    from: ctx.extract,
    measures: [{ field: "tce", agg: "sum", as: "tce" }],
    dimensions: [{ field: "town_code" }, { field: "town_name" }],
    orderBy: [{ field: "tce", dir: "desc" }],
    limit: RANKING_SIZE,
  };
  let towns: RankedTown[] = [];
  let selected: string | null = null;
  const draw = (): Promise<void> => chart.render(rankingOption(towns, selected, i18n));
  chart.onClick((i) => {
    const town = towns[i];
    if (!town) return;
    options.select(
      town.code === selected
        ? null
        : {
            source: "town-ranking",
            value: town.code,
            label: town.name,
            filters: [{ field: "town_code", op: "eq", values: [town.code] }],
          },
    );
  });
  return {
    id: "town-ranking",
    frame,
    rendered: first.promise,
    filterBy: [],
    specs: () => ({ ranking: spec }),
    async update(results: Record<string, Row[]>) {
      towns = rankedTowns(results.ranking ?? []);
      frame.setState("ready");
      await draw();
      first.resolve();
    },
    error: (e) => frame.setState("error", `${i18n.t("loadError")}${e.message}`),
    selectionChanged(selections: Selections) {
      selected = selections.get("town")?.value ?? null;
      if (towns.length > 0) void draw();
    },
    setScale: (s) => chart.setScale(s),
  };
}
