export { anchorPoint } from "./anchor-point.ts";
export type { Anchor } from "./anchor-point.ts";
export { LineCounter } from "./line-crossing.ts";
export type { CountingLine, CrossingDirection, LineCounterOptions, LineCrossing } from "./line-crossing.ts";
export { ZoneMonitor } from "./zone-occupancy.ts";
export type { Zone, ZoneEvent, ZoneMonitorOptions, ZoneOccupancy } from "./zone-occupancy.ts";
