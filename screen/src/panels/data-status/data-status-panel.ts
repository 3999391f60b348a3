import type { QuerySpec, Row } from "@citybrain/analytics/browser";
import { h } from "../../components/dom.ts";
import { createPanelFrame } from "../../components/panel-frame.ts";
import type { ExtractInfo, ExtractManifest } from "../../data/manifest.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import { deferred } from "../panel.ts";
import type { Panel, PanelContext } from "../panel.ts";

/** What the app knows about the loaded data, besides what DuckDB answers. */
export interface DataStatusInfo {
  manifest: ExtractManifest;
  extract: ExtractInfo;
  engine: string;
  /** Milliseconds from page start to the extract being queryable. */
  loadMs: number;
}

/**
 * Data status: which extract, how many rows and towns (counted by DuckDB), its period, data
 * version and age, the engine and how long loading took. Not filtered by selections.
 */
export function createDataStatusPanel(ctx: PanelContext): Panel & { setInfo(info: DataStatusInfo): void } {
  const { i18n } = ctx;
  const frame = createPanelFrame({
    id: "data-status",
    title: i18n.t("panelStatus"),
    loadingText: i18n.t("loading"),
  });
  const list = h("dl", { class: "status-list" });
  frame.body.append(list);
  const first = deferred();
  let info: DataStatusInfo | null = null;
  const spec: QuerySpec = {
    from: ctx.extract,
    measures: [
      { field: "*", agg: "count", as: "rows" },
      { field: "town_code", agg: "count_distinct", as: "towns" },
      { field: "day", agg: "min", as: "first" },
      { field: "day", agg: "max", as: "last" },
    ],
  };
  const item = (key: MessageKey, value: string): HTMLElement[] => [
    h("dt", {}, i18n.t(key)),
    h("dd", {}, value),
  ];
  return {
    id: "data-status",
    frame,
    rendered: first.promise,
    filterBy: [],
    setInfo(next) {
      info = next;
    },
    specs: () => ({ status: spec }),
    update(results: Record<string, Row[]>) {
      const row = results.status?.[0] ?? {};
      const m = info?.manifest;
      list.replaceChildren(
        ...item("extract", ctx.extract),
        ...item(
          "rows",
          `${i18n.number(Number(row.rows ?? 0), { digits: 0 })} · ${Number(row.towns ?? 0)} ${i18n.t("townsUnit")}`,
        ),
        ...item("period", `${String(row.first ?? "—")} — ${String(row.last ?? "—")}`),
        ...item("version", m ? `v${m.version}` : "—"),
        ...item("updatedAt", m ? i18n.dateTime(m.generatedAt, true) : "—"),
        ...item("engine", info ? `${info.engine} · ${Math.round(info.loadMs)} ms` : "—"),
      );
      frame.setState("ready");
      first.resolve();
    },
    error: (e) => frame.setState("error", `${i18n.t("loadError")}${e.message}`),
  };
}
