import type { ColumnBatch } from "../schema/index.ts";
import type { StreamName } from "../streams/index.ts";

/** Scale presets (DESIGN.md): tiny for tests, demo for `npm start`, full for benchmarks. */
export type PresetName = "tiny" | "demo" | "full";

/** A labelled, injected anomaly: the ground truth that detection is scored against. */
export interface GroundTruthAnomaly {
  readonly id: string;
  readonly kind: "meter_leak" | "tank_filling" | "stuck_sensor" | "traffic_jam" | "data_gap" | (string & {});
  readonly stream: StreamName;
  /** The meter, monitor, station or camera it affects. */
  readonly site_id: string;
  /** Epoch ms (UTC), inclusive start and exclusive end. */
  readonly start: number;
  readonly end: number;
  readonly details?: Readonly<Record<string, string | number>>;
}

/** What every stream generator receives. Sites are the reference data's generated sites. */
export interface GeneratorContext<Sites = unknown> {
  readonly preset: PresetName;
  readonly seed: number;
  /** Epoch ms (UTC) of the first interval and the end (exclusive). */
  readonly start: number;
  readonly end: number;
  readonly sites: Sites;
  /** Rows per emitted batch (a hint; the last batch is shorter). */
  readonly batchSize: number;
  /** Generators push the anomalies they inject here. */
  readonly groundTruth: GroundTruthAnomaly[];
}

/**
 * A stream generator: yields columnar batches whose columns are the stream's fields, in time
 * order per site. Pure function of the context: same context → identical batches.
 */
export type StreamGenerator<Sites = unknown> = (ctx: GeneratorContext<Sites>) => Iterable<ColumnBatch>;
