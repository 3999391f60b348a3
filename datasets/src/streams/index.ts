import type { StreamDef } from "../schema/index.ts";
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

/** A stream's definition, widened for code that handles any stream by name. */
export function streamDef(name: StreamName): StreamDef {
  // keyof in StreamDef makes TS treat its field map as invariant; every concrete stream is a
  // valid StreamDef<string, Fields>, so widening through unknown is sound here.
  const def = STREAMS[name] as unknown as StreamDef | undefined;
  if (!def) throw new Error(`unknown stream "${String(name)}": expected one of ${STREAM_NAMES.join(", ")}`);
  return def;
}
