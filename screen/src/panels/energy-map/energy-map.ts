import type { QuerySpec, Row } from "@citybrain/analytics/browser";
import { h } from "../../components/dom.ts";
import { createPanelFrame } from "../../components/panel-frame.ts";
import type { ReferenceGeo, TownFeature } from "../../data/reference-geo.ts";
import type { SelectionClause, Selections } from "../../query/query-client.ts";
import { CJK_FONT, fontsReady } from "../../styles/fonts.ts";
import { deferred } from "../panel.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { labelPoint, shortTownName } from "./geo-helpers.ts";
import { createMapDeck } from "./map-deck.ts";
import type { MapDeck } from "./map-deck.ts";
import { createMapLegend } from "./map-legend.ts";
import { mapLayers } from "./map-layers.ts";

/** Options for {@link createEnergyMap}. */
export interface EnergyMapOptions {
  /** Set or clear the `town` selection (the coordinator's `select`). */
  select(clause: SelectionClause | null): void;
}

/** The map panel with a `setReference` for the town cells it draws. */
export interface EnergyMapPanel extends Panel {
  setReference(geo: ReferenceGeo): void;
}

/**
 * The centre map: town cells filled by total tce, the district outline glowing, town names.
 * Clicking a town selects it (other panels filter to it); clicking it again or 重置 clears.
 * The map itself is never filtered by the town selection. No basemap: offline by design.
 */
export function createEnergyMap(ctx: PanelContext, options: EnergyMapOptions): EnergyMapPanel {
  const { i18n } = ctx;
  const frame = createPanelFrame({ id: "map", title: i18n.t("panelMap"), loadingText: i18n.t("loading") });
  frame.root.classList.add("panel-map");
  const selectedEl = h(
    "span",
    { class: "selected-town", "data-testid": "selected-town", "data-code": "" },
    i18n.t("wholeDistrict"),
  );
  const reset = h(
    "button",
    { class: "reset-button", type: "button", "data-testid": "reset-selection", hidden: "" },
    i18n.t("reset"),
  );
  frame.aside.append(h("span", {}, `${i18n.t("selected")}：`), selectedEl, reset);
  const legend = createMapLegend(i18n);
  frame.body.append(legend.root);
  const first = deferred();
  const spec: QuerySpec = {
    from: ctx.extract,
    measures: [{ field: "tce", agg: "sum", as: "tce" }],
    dimensions: [{ field: "town_code" }],
  };

  let geo: ReferenceGeo | null = null;
  let deck: MapDeck | null = null;
  let scale = 1;
  let selected: string | null = null;
  let tceByCode = new Map<string, number>();
  let version = 0;

  const townByCode = (code: string): TownFeature | undefined =>
    geo?.towns.find((t) => t.properties.code === code);
  const select = (code: string | null): void => {
    const town = code ? townByCode(code) : undefined;
    options.select(
      town
        ? {
            source: "map",
            value: town.properties.code,
            label: town.properties.name,
            filters: [{ field: "town_code", op: "eq", values: [town.properties.code] }],
          }
        : null,
    );
  };
  reset.addEventListener("click", () => select(null));

  const ensureDeck = (outline: ReferenceGeo["outline"]): MapDeck =>
    (deck ??= createMapDeck({
      parent: frame.body,
      outline,
      scale,
      pickLayers: ["town-cells"],
      onPick: (object) => {
        const code = (object as TownFeature | null)?.properties.code;
        if (code) select(code === selected ? null : code);
      },
    }));

  const draw = async (): Promise<void> => {
    const g = geo;
    if (!g) return;
    const labels = g.towns.map((t) => ({
      code: t.properties.code,
      text: shortTownName(t.properties.name),
      position: labelPoint(t.geometry),
    }));
    const characterSet = [...new Set(labels.flatMap((l) => [...l.text]))];
    await fontsReady(characterSet.join(""));
    const values = [...tceByCode.values()];
    const min = values.length ? Math.min(...values) : 0;
    const max = values.length ? Math.max(...values) : 1;
    legend.update(min, max);
    const { outline, towns } = g;
    const layers = mapLayers({
      outline,
      towns,
      labels,
      tceByCode,
      min,
      max,
      selected,
      characterSet,
      fontFamily: CJK_FONT,
      version,
    });
    const mapDeck = ensureDeck(outline);
    await mapDeck.render(layers);
    // Where each town's label sits on the page: lets tests (and kiosk tooling) click a town.
    const anchors = Object.fromEntries(
      g.towns.map((t, i) => {
        const p = mapDeck.clientPoint(labels[i]?.position ?? [0, 0]);
        return [t.properties.code, { name: t.properties.name, x: Math.round(p.x), y: Math.round(p.y) }];
      }),
    );
    frame.body.dataset.townAnchors = JSON.stringify(anchors);
  };

  return {
    id: "map",
    frame,
    rendered: first.promise,
    filterBy: [],
    setReference(next) {
      geo = next;
      void draw(); // layers, shaders and glyphs get built before the data arrives
    },
    specs: () => ({ byTown: spec }),
    async update(results: Record<string, Row[]>) {
      tceByCode = new Map((results.byTown ?? []).map((r) => [String(r.town_code), Number(r.tce ?? 0)]));
      version++;
      await draw();
      frame.setState("ready");
      first.resolve();
    },
    error: (e) => frame.setState("error", `${i18n.t("loadError")}${e.message}`),
    selectionChanged(selections: Selections) {
      const clause = selections.get("town");
      selected = clause?.value ?? null;
      selectedEl.textContent = clause?.label ?? i18n.t("wholeDistrict");
      selectedEl.dataset.code = selected ?? "";
      reset.hidden = !clause;
      void draw();
    },
    setScale(next) {
      scale = next;
      deck?.setScale(next);
    },
  };
}
