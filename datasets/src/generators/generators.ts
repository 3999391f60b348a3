/**
 * The generator of every stream, by name, and the planned anomalies of a run (what the
 * generators will record in `ctx.groundTruth`, without generating any rows).
 */
import type { StreamName } from "../streams/index.ts";
import { airAnomalies, generateAir } from "../streams/air/generate.ts";
import { generateAlerts } from "../streams/alerts/generate.ts";
import { generateCases } from "../streams/cases/generate.ts";
import { generateCredit } from "../streams/credit/generate.ts";
import { energyAnomalies, generateEnergy } from "../streams/energy/generate.ts";
import { generateExchange } from "../streams/exchange/generate.ts";
import { generateSeptic, septicAnomalies } from "../streams/septic/generate.ts";
import { generateTraffic, trafficAnomalies } from "../streams/traffic/generate.ts";
import type { GeneratorSites } from "./site-shapes.ts";
import type { GeneratorContext, GroundTruthAnomaly, StreamGenerator } from "./types.ts";

/**
 * Stream generators by stream name. Each yields batches of `ctx.batchSize` rows (the last
 * shorter) and pushes the anomalies it injects to `ctx.groundTruth` when iteration starts.
 * @example
 * const ctx = makeContext({ preset: "tiny", seed: 42 });
 * for (const name of STREAM_NAMES) for (const batch of GENERATORS[name](ctx)) write(name, batch);
 */
export const GENERATORS: Readonly<Record<StreamName, StreamGenerator<GeneratorSites>>> = {
  energy: generateEnergy,
  traffic: generateTraffic,
  septic: generateSeptic,
  air: generateAir,
  cases: generateCases,
  credit: generateCredit,
  exchange: generateExchange,
  alerts: generateAlerts,
};

/** Every anomaly a run injects, across streams, in stream order (a pure function of the context). */
export function anomaliesOf(ctx: GeneratorContext<GeneratorSites>): GroundTruthAnomaly[] {
  return [...energyAnomalies(ctx), ...trafficAnomalies(ctx), ...septicAnomalies(ctx), ...airAnomalies(ctx)];
}
