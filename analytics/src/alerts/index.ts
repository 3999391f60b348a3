export { AlertEngine } from "./alert-engine.ts";
export type { AlertEngineOptions } from "./alert-engine.ts";
export { anomalySeverity } from "./anomaly-episode.ts";
export type { AnomalyEpisode } from "./anomaly-episode.ts";
export { newAlertRow } from "./new-alert-row.ts";
export type { SiteLocation } from "./new-alert-row.ts";
export { alertId } from "./alert-id.ts";
export { ANOMALY_KIND_ZH, anomalyMessage, offlineMessage, thresholdMessage } from "./alert-message.ts";
export { SEVERITY_RANK, SEVERITY_ZH } from "./alert-row.ts";
export type { AlertRow, AlertSource, AlertStatus, Reading } from "./alert-row.ts";
export {
  alertRuleSchema,
  alertRulesSchema,
  anomalyRuleSchema,
  offlineRuleSchema,
  thresholdRuleSchema,
} from "./alert-rule-config.ts";
export type {
  AlertRule,
  AlertRules,
  AlertRulesInput,
  AnomalyRule,
  OfflineRule,
  ThresholdRule,
} from "./alert-rule-config.ts";
export { DEFAULT_ALERT_RULES, defaultAlertRules } from "./default-alert-rules.ts";
export { AlertConfigError, parseAlertRules } from "./parse-alert-rules.ts";
export { SITE_FIELD, readingFromRow } from "./reading-from-row.ts";
export { IDLE, levelOf, stepHysteresis } from "./threshold-hysteresis.ts";
export type { HysteresisEvent, HysteresisState } from "./threshold-hysteresis.ts";
export { AlertTransitionError, transitionAlert } from "./transition-alert.ts";
export type { AlertAction } from "./transition-alert.ts";
