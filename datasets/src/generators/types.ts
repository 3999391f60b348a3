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
  /**
   * True for a window context (`makeContext({ start })`): interval streams yield the rows whose
   * interval starts in [start, end), cut from one-day blocks, so a window's rows never depend on
   * how the time line was cut into windows; state streams yield the rows that changed in it.
   */
  readonly windowed?: boolean;
  /**
   * Set on the one-day blocks a window is generated from: the local day index. Series seed their
   * randomness with it and anomalies come from the daily live plan (live-anomalies.ts).
   */
  readonly block?: number;
}

/**
 * A stream generator: yields columnar batches whose columns are the stream's fields, in time
 * order per site. Pure function of the context: same context → identical batches.
 */
export type StreamGenerator<Sites = unknown> = (ctx: GeneratorContext<Sites>) => Iterable<ColumnBatch>;
