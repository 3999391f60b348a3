import { h } from "../../components/dom.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { rampGradientCss } from "./color-ramp.ts";

/** The map's colour legend (low → high tce) and the note that the cells are approximate. */
export function createMapLegend(i18n: I18n): { root: HTMLElement; update(min: number, max: number): void } {
  const minEl = h("span", {});
  const maxEl = h("span", {});
  const bar = h("div", { class: "legend-bar" });
  bar.style.background = rampGradientCss();
  const root = h(
    "div",
    { class: "map-legend" },
    h("div", { class: "legend-title" }, i18n.t("legendTitle")),
    bar,
    h("div", { class: "legend-range" }, minEl, maxEl),
    h("div", { class: "legend-note" }, i18n.t("approximate")),
  );
  return {
    root,
    update(min, max) {
      minEl.textContent = i18n.number(min, { digits: 1 });
      maxEl.textContent = i18n.number(max, { digits: 1 });
    },
  };
}
