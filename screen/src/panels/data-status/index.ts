export { createDataStatusPanel } from "./data-status-panel.ts";
export type { DataStatusInfo } from "./data-status-panel.ts";
