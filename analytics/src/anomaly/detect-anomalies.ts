import { detectActivityGaps, type ActivityGapOptions } from "./activity-gaps.ts";
import { detectDataGaps } from "./data-gaps.ts";
import {
  byStreamSiteStart,
  type DetectedAnomaly,
  type SqlReader,
  type TimeRange,
} from "./detected-anomaly.ts";
import { detectMeterLeaks, type MeterLeakOptions } from "./meter-leaks.ts";
import { detectSeasonalOutliers, type SeasonalOutlierOptions } from "./seasonal-outliers.ts";
import { detectStuckSensors, type StuckSensorOptions } from "./stuck-sensors.ts";
import { detectTankFilling, type TankFillingOptions } from "./tank-filling.ts";
import { detectTrafficJams, type TrafficJamOptions } from "./traffic-jams.ts";

type Ranged<T> = Omit<T, "from" | "to">;

/** Every detector's parameters; see each detector for what they mean. */
export interface AnomalyConfig {
  /** Regular streams: a gap is more than this many consecutive missing readings. */
  readonly gaps: Readonly<Record<"energy" | "septic" | "air", number>>;
  /** Sparse streams (a quiet interval has no row): gaps judged by how improbable the silence is. */
  readonly activityGaps: readonly Ranged<ActivityGapOptions>[];
  readonly stuck: readonly Ranged<StuckSensorOptions>[];
  readonly leaks: Ranged<MeterLeakOptions>;
  readonly tankFilling: Ranged<TankFillingOptions>;
  readonly trafficJams: Ranged<TrafficJamOptions>;
  /** Seasonal-baseline outliers (energy anomalies), one entry per watched series. */
  readonly outliers: readonly Ranged<SeasonalOutlierOptions>[];
}

/** The defaults, tuned on the generators' labelled anomalies (docs/anomalies-and-alerts.md). */
export const DEFAULT_ANOMALY_CONFIG: AnomalyConfig = {
  gaps: { energy: 3, septic: 3, air: 1 },
  activityGaps: [{ stream: "traffic", minSilentSteps: 15, threshold: 25 }],
  stuck: [
    { stream: "septic", fields: ["ch4_lel", "h2s_ppm", "level_pct", "temperature_c"], minRun: 12 },
    { stream: "air", fields: ["pm25", "pm10", "so2", "no2", "co", "o3", "noise_db"], minRun: 3 },
  ],
  leaks: { carriers: ["water"], minNights: 3 },
  tankFilling: { enterLevel: 90, exitLevel: 80, minPoints: 3 },
  trafficJams: {},
  outliers: (["electricity", "water", "gas", "oil"] as const).map((carrier) => ({
    stream: "energy",
    field: "value",
    where: `carrier = '${carrier}'`,
  })),
};

/** Options of {@link detectAnomalies}. */
export interface DetectAnomaliesOptions extends TimeRange {
  /** Overrides of {@link DEFAULT_ANOMALY_CONFIG}, one section at a time. */
  readonly config?: Partial<AnomalyConfig>;
  /** Reports how long each detector took, ms. */
  readonly onTiming?: (detector: string, ms: number) => void;
}

/**
 * Runs every detector over the store and returns their episodes, ordered by stream, site and
 * start. Detectors run one after another (the store serialises queries anyway).
 * @example
 * const found = await detectAnomalies(store, { from: Date.parse("2026-11-01T00:00:00+08:00") });
 */
export async function detectAnomalies(
  db: SqlReader,
  options: DetectAnomaliesOptions = {},
): Promise<DetectedAnomaly[]> {
  const cfg: AnomalyConfig = { ...DEFAULT_ANOMALY_CONFIG, ...options.config };
  const range: TimeRange = { from: options.from, to: options.to };
  const jobs: [string, () => Promise<DetectedAnomaly[]>][] = [
    ...Object.entries(cfg.gaps).map(([stream, k]): [string, () => Promise<DetectedAnomaly[]>] => [
      `data_gap:${stream}`,
      () => detectDataGaps(db, { ...range, stream: stream as "energy", maxSilentSteps: k }),
    ]),
    ...cfg.activityGaps.map((o): [string, () => Promise<DetectedAnomaly[]>] => [
      `data_gap:${o.stream}`,
      () => detectActivityGaps(db, { ...range, ...o }),
    ]),
    ...cfg.stuck.map((o): [string, () => Promise<DetectedAnomaly[]>] => [
      `stuck_sensor:${o.stream}`,
      () => detectStuckSensors(db, { ...range, ...o }),
    ]),
    ["meter_leak:energy", () => detectMeterLeaks(db, { ...range, ...cfg.leaks })],
    ["tank_filling:septic", () => detectTankFilling(db, { ...range, ...cfg.tankFilling })],
    ["traffic_jam:traffic", () => detectTrafficJams(db, { ...range, ...cfg.trafficJams })],
    ...cfg.outliers.map((o, i): [string, () => Promise<DetectedAnomaly[]>] => [
      `${o.kind ?? "consumption_anomaly"}:${o.stream}#${i + 1}`,
      () => detectSeasonalOutliers(db, { ...range, ...o }),
    ]),
  ];
  const found: DetectedAnomaly[] = [];
  for (const [name, run] of jobs) {
    const t0 = performance.now();
    found.push(...(await run()));
    options.onTiming?.(name, performance.now() - t0);
  }
  return found.sort(byStreamSiteStart);
}
