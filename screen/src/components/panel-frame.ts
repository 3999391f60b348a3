import { h } from "./dom.ts";

/**
 * What a panel is showing: waiting for its first answer, data, a failure, or nothing to show
 * by design (e.g. a server without vision), said calmly rather than as a failure.
 */
export type PanelState = "loading" | "ready" | "error" | "empty";

/** A framed panel: title strip, a body the panel draws into, a loading/error overlay. */
export interface PanelFrame {
  root: HTMLElement;
  body: HTMLElement;
  /** Right side of the title strip (data age, a reset button…). */
  aside: HTMLElement;
  setState(state: PanelState, message?: string): void;
}

/** Options for {@link createPanelFrame}. */
export interface PanelFrameOptions {
  /** Panel id, also the `data-panel` attribute. */
  id: string;
  title: string;
  loadingText: string;
  /** Frame without the title strip (e.g. the KPI strip). */
  bare?: boolean;
}

/**
 * The command-center panel frame: 1 px translucent border, faint fill, four 10 px cyan corner
 * marks and a title strip. Starts in the loading state.
 *
 * @example const frame = createPanelFrame({ id: "ranking", title: "镇街能耗排名", loadingText: "加载中…" });
 */
export function createPanelFrame(options: PanelFrameOptions): PanelFrame {
  const aside = h("div", { class: "panel-aside" });
  const body = h("div", { class: "panel-body" });
  const overlayText = h("span", { class: "panel-overlay-text" }, options.loadingText);
  const overlay = h(
    "div",
    { class: "panel-overlay", role: "status" },
    h("span", { class: "spinner" }),
    overlayText,
  );
  const corners = ["tl", "tr", "bl", "br"].map((c) => h("i", { class: `corner corner-${c}` }));
  const header = options.bare
    ? []
    : [h("header", { class: "panel-header" }, h("h2", { class: "panel-title" }, options.title), aside)];
  const root = h(
    "section",
    { class: "panel", "data-panel": options.id, "data-state": "loading" },
    ...corners,
    ...header,
    h("div", { class: "panel-content" }, body, overlay),
  );
  return {
    root,
    body,
    aside,
    setState(state, message) {
      root.dataset.state = state;
      overlayText.textContent = state === "loading" ? options.loadingText : (message ?? "");
    },
  };
}
