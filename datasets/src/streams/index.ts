import { air } from "./air/schema.ts";
import { alerts } from "./alerts/schema.ts";
import { cases } from "./cases/schema.ts";
import { credit } from "./credit/schema.ts";
import { energy } from "./energy/schema.ts";
import { exchange } from "./exchange/schema.ts";
import { septic } from "./septic/schema.ts";
import { traffic } from "./traffic/schema.ts";

export { air, alerts, cases, credit, energy, exchange, septic, traffic };
export { CARRIERS, CARRIER_UNITS, INDUSTRIES, SEVERITIES, TRAFFIC_CLASSES } from "./enums.ts";
export type { Carrier, Industry, Severity, TrafficClass } from "./enums.ts";

/** Every stream, by name, in the order DESIGN.md lists them. */
export const STREAMS = { energy, traffic, septic, air, cases, credit, exchange, alerts } as const;
export type StreamName = keyof typeof STREAMS;
export const STREAM_NAMES = Object.keys(STREAMS) as StreamName[];
