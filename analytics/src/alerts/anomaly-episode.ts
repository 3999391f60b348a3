import type { Severity } from "@citybrain/datasets";
import type { AnomalyRule } from "./alert-rule-config.ts";

/** A detector episode, as {@link AlertEngine.pushAnomaly} needs it (a `DetectedAnomaly` fits). */
export interface AnomalyEpisode {
  readonly kind: string;
  readonly stream: string;
  readonly site_id: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/** Whether an anomaly rule covers an episode, and at which severity (undefined: it does not). */
export function anomalySeverity(rule: AnomalyRule, episode: AnomalyEpisode): Severity | undefined {
  if (rule.source !== episode.stream || !rule.anomalyKinds.includes(episode.kind)) return undefined;
  return rule.levels[rule.levels.findLastIndex((l) => episode.score >= l.score)]?.severity;
}
