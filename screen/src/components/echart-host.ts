import type { EChartsCoreOption } from "echarts/core";
import { init } from "./echarts-setup.ts";
import type { ECharts } from "./echarts-setup.ts";
import { h } from "./dom.ts";

/** One ECharts instance that stays sharp under the wall's CSS scale. */
export interface EChartHost {
  el: HTMLElement;
  /** Replace the option (not merged) and draw; resolves after the frame is painted. */
  render(option: EChartsCoreOption): Promise<void>;
  /** The canvas is scaled by `scale` on screen: re-create it with a matching pixel ratio. */
  setScale(scale: number): void;
  /** Call `handler` with the data index of a clicked item (kept across re-creations). */
  onClick(handler: (dataIndex: number) => void): void;
  dispose(): void;
}

/**
 * Mount an ECharts instance in `parent` (inside the scaled design canvas). ECharts cannot
 * change its pixel ratio in place, so a new scale re-creates the instance with the last
 * option; the `finished` event tells when a render has reached the screen.
 */
export function createEChartHost(parent: HTMLElement, testId?: string): EChartHost {
  const el = h("div", testId ? { class: "chart", "data-testid": testId } : { class: "chart" });
  parent.append(el);
  let scale = 1;
  let chart: ECharts | null = null;
  let option: EChartsCoreOption | null = null;
  const ratio = (): number => Math.max(1, (window.devicePixelRatio || 1) * scale);
  let clickHandler: ((dataIndex: number) => void) | null = null;
  const create = (): ECharts => {
    const c = init(el, undefined, { renderer: "canvas", devicePixelRatio: ratio() });
    c.on("click", (p) => clickHandler?.((p as { dataIndex: number }).dataIndex));
    return c;
  };
  return {
    el,
    render(next) {
      option = next;
      chart ??= create();
      const c = chart;
      return new Promise((resolve) => {
        c.off("finished");
        c.on("finished", () => {
          c.off("finished");
          resolve();
        });
        c.setOption(next, { notMerge: true });
      });
    },
    setScale(next) {
      if (Math.abs(next - scale) < 0.01) return;
      scale = next;
      if (!chart) return;
      chart.dispose();
      chart = create();
      if (option) chart.setOption(option, { notMerge: true });
    },
    onClick(handler) {
      clickHandler = handler;
    },
    dispose() {
      chart?.dispose();
      chart = null;
    },
  };
}
