export { createDailyTcePanel } from "./daily-tce-panel.ts";
export { dailyTceOption, pivotDaily } from "./daily-tce-option.ts";
export type { DailyByCarrier } from "./daily-tce-option.ts";
