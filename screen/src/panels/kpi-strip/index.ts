export { createKpiStrip } from "./kpi-strip.ts";
export { kpiSpecs, kpiValues } from "./kpi-specs.ts";
export type { KpiValues } from "./kpi-specs.ts";
