/**
 * The simulator's options and its state report, and the generated alert rules it feeds.
 */
import type { AlertRules, IngestResult, Store } from "@citybrain/analytics";
import type { PresetName, StreamName } from "@citybrain/datasets";
import type { GeneratorSites } from "@citybrain/datasets/generators";

/** What the simulator needs of the store: the ingest path and reads. */
export type SimulatorStore = Pick<Store, "ingest" | "query">;

/** Options of {@link Simulator}. */
export interface SimulatorOptions {
  readonly store: SimulatorStore;
  /** The preset and seed of the dataset the store holds: the live data continues it. */
  readonly preset: PresetName;
  readonly seed: number;
  /** Sites to generate for; default the reference sites of the seed. */
  readonly sites?: GeneratorSites;
  /** Simulated ms per real ms: 1 is real time, 60 one simulated minute per second (default 1). */
  readonly speed?: number;
  /** Simulated start, epoch ms; default the dataset's end. A store already fed resumes after its last chunk. */
  readonly startAt?: number;
  /** Real ms between ticks (default 1000). */
  readonly tickMs?: number;
  /** Streams to feed (default all eight; `alerts` adds generated vision, jam and stuck-sensor alerts). */
  readonly streams?: readonly StreamName[];
  /** Alert rules run over the readings (default the analytics defaults). */
  readonly rules?: AlertRules;
  /** Where `alert` and `kpi` events go. */
  readonly hub?: { publish(type: string, data: unknown): unknown };
  /** Called after every committed (non-replayed) batch, e.g. `() => publisher.schedule()`. */
  readonly onIngested?: (result: IngestResult) => void;
  /** Write even into a store without the demo mark (see demo-store.ts). */
  readonly force?: boolean;
  /**
   * Most chunks per stream in one tick's batch (default 120); a stream further behind catches
   * up over later ticks. The chunks due in a tick go in one ingest batch per stream.
   */
  readonly maxChunksPerTick?: number;
  readonly log?: (message: string) => void;
  /** The real clock (tests). */
  readonly now?: () => number;
}

/** What the simulator has done, for health checks and logs. */
export interface SimulatorState {
  readonly running: boolean;
  /** The simulated clock of the last step, ISO-8601. */
  readonly clock: string | null;
  /** The simulated time every interval stream is fed up to (the earliest cursor), ISO-8601. */
  readonly fedUntil: string | null;
  readonly ticks: number;
  readonly rows: number;
  readonly lastTickMs: number;
  readonly errors: number;
  readonly lastError?: string;
}

/** Generated alert rules no live rule raises from readings: they come from the alerts generator. */
export const GENERATED_ALERT_RULES: readonly string[] = [
  "vision.crowding",
  "vision.stopped_vehicle",
  "vision.vehicle_in_zone",
  "traffic.congestion",
  "sensor.stuck",
];
