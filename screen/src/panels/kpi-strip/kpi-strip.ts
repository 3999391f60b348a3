import type { Row } from "@citybrain/analytics/browser";
import { h } from "../../components/dom.ts";
import { createPanelFrame } from "../../components/panel-frame.ts";
import { createRollingNumber } from "../../components/rolling-number.ts";
import type { RollingNumber } from "../../components/rolling-number.ts";
import type { I18n } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import type { Selections } from "../../query/query-client.ts";
import { CARRIERS, carrierKeys } from "../carriers.ts";
import { deferred } from "../panel.ts";
import type { Panel, PanelContext } from "../panel.ts";
import { kpiSpecs, kpiValues } from "./kpi-specs.ts";

interface KpiCell {
  root: HTMLElement;
  label: HTMLElement;
  value: HTMLElement;
  roll: RollingNumber;
}

function kpiCell(
  i18n: I18n,
  label: MessageKey,
  unit: MessageKey,
  options: { testId?: string; unitInLabel?: boolean } = {},
): KpiCell {
  const number = h("span", { class: "kpi-number" }, "0");
  const scale = h("span", { class: "kpi-scale" });
  const unitEl = h("span", { class: "kpi-unit" }, i18n.t(unit));
  const value = h(
    "div",
    { class: "kpi-value", ...(options.testId ? { "data-testid": options.testId } : {}) },
    number,
    scale,
  );
  const labelEl = h("div", { class: "kpi-label" }, i18n.t(label));
  // Narrow cells carry the unit in the label row, so long numbers keep one line.
  (options.unitInLabel ? labelEl : value).append(unitEl);
  const roll = createRollingNumber({
    render(v) {
      const parts = i18n.numberParts(v, { digits: 2, fixed: true });
      number.textContent = parts.number;
      scale.textContent = parts.scale;
    },
  });
  return { root: h("div", { class: "kpi-cell" }, labelEl, value), label: labelEl, value, roll };
}

/**
 * The KPI strip over the map: total tonnes of standard coal (`data-testid="kpi-total-tce"`,
 * raw number in `data-value`) and each carrier's total in its native unit. Numbers roll to
 * new values in ~1 s. Filtered by the selected town.
 */
export function createKpiStrip(ctx: PanelContext): Panel {
  const { i18n } = ctx;
  const frame = createPanelFrame({
    id: "kpi",
    title: i18n.t("kpiTotal"),
    loadingText: i18n.t("loading"),
    bare: true,
  });
  frame.root.classList.add("panel-kpi");
  const total = kpiCell(i18n, "kpiTotal", "unitTce", { testId: "kpi-total-tce" });
  total.root.classList.add("kpi-main");
  const scope = h("span", { class: "kpi-scope" }, i18n.t("wholeDistrict"));
  total.label.append(scope);
  const carriers = CARRIERS.map((c) => {
    const keys = carrierKeys(c.id);
    const cell = kpiCell(i18n, keys.kpi, keys.unit, { unitInLabel: true });
    cell.root.style.setProperty("--accent", c.color);
    return { id: c.id, cell };
  });
  frame.body.append(h("div", { class: "kpi-strip" }, total.root, ...carriers.map((c) => c.cell.root)));
  const first = deferred();
  const specs = kpiSpecs(ctx.extract);

  return {
    id: "kpi",
    frame,
    rendered: first.promise,
    specs: () => specs,
    loading: () => frame.root.dataset.state !== "ready" && frame.setState("loading"),
    update(results: Record<string, Row[]>, selections: Selections) {
      const values = kpiValues(results);
      total.value.dataset.value = String(values.totalTce);
      total.roll.set(values.totalTce);
      for (const c of carriers) {
        c.cell.value.dataset.value = String(values.carriers[c.id]);
        c.cell.roll.set(values.carriers[c.id]);
      }
      scope.textContent = selections.get("town")?.label ?? i18n.t("wholeDistrict");
      frame.setState("ready");
      first.resolve();
    },
    error: (e) => frame.setState("error", `${i18n.t("loadError")}${e.message}`),
  };
}
