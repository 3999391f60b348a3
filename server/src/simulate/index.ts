/** The live demo feed: simulated streams through the real ingest path, alerts and KPI ticks. */
export { Simulator } from "./simulator.ts";
export { GENERATED_ALERT_RULES } from "./simulator-options.ts";
export type { SimulatorOptions, SimulatorState, SimulatorStore } from "./simulator-options.ts";
export { SimulateGuardError, assertDemoStore, isDemoStore, markDemoStore } from "./demo-store.ts";
export type { DemoStoreInfo, MarkableStore } from "./demo-store.ts";
export {
  CHUNK_MS,
  INTERVAL_STREAMS,
  chunkCeil,
  chunkFloor,
  chunkNext,
  parseWindowBatchId,
  windowBatchId,
} from "./chunk-grid.ts";
export { LiveAlerts, alertChange, siteLocator } from "./live-alerts.ts";
export type { AlertChange } from "./live-alerts.ts";
export type { KpiTick } from "./kpi-tally.ts";
