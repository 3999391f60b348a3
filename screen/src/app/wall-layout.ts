import { h } from "../components/dom.ts";
import type { I18n } from "../i18n/i18n.ts";

/** The wall's fixed parts: the scaled canvas, title-bar slots and the three columns. */
export interface WallLayout {
  canvas: HTMLElement;
  clock: HTMLElement;
  dataAge: HTMLElement;
  ageDot: HTMLElement;
  period: HTMLElement;
  left: HTMLElement;
  centre: HTMLElement;
  right: HTMLElement;
}

/**
 * Build the 1920×1080 design canvas in `root`: a title bar (data age and period left, the
 * screen name centred, the clock right) over three columns, the map's in the middle.
 */
export function buildWallLayout(root: HTMLElement, i18n: I18n): WallLayout {
  const ageDot = h("i", { class: "age-dot", "data-stale": "false" });
  const dataAge = h("span", { "data-testid": "data-age" }, `${i18n.t("updatedAt")} —`);
  const period = h("span", { "data-testid": "data-period" });
  const clock = h("time", { class: "clock", "data-testid": "clock" });
  const left = h("div", { class: "wall-column" });
  const centre = h("div", { class: "wall-column" });
  const right = h("div", { class: "wall-column" });
  const canvas = h(
    "div",
    { class: "wall-canvas" },
    h(
      "header",
      { class: "title-bar" },
      h("div", { class: "title-side" }, ageDot, dataAge, period),
      h("h1", {}, i18n.t("title")),
      h("div", { class: "title-side right" }, clock),
    ),
    h("main", { class: "wall-body" }, left, centre, right),
  );
  root.replaceChildren(canvas);
  root.lang = i18n.lang === "zh" ? "zh-CN" : "en";
  document.documentElement.lang = root.lang;
  document.title = i18n.t("title");
  return { canvas, clock, dataAge, ageDot, period, left, centre, right };
}
