import type { AlertRules, AlertRulesInput } from "./alert-rule-config.ts";
import { parseAlertRules } from "./parse-alert-rules.ts";

/**
 * The default rule set, from the typical alarm settings in DOMAIN.md: septic methane 25/50 %LEL,
 * H2S 10/20 ppm, liquid level 85/90 %; AQI bands of HJ 633-2012; energy anomalies from the
 * detector; devices that stop reporting. Every number is configurable: pass your own rule set
 * through {@link parseAlertRules}.
 */
export const DEFAULT_ALERT_RULES: AlertRulesInput = {
  rules: [
    {
      kind: "threshold",
      id: "septic.ch4",
      source: "septic",
      field: "ch4_lel",
      label: "甲烷浓度",
      unit: "%LEL",
      levels: [
        { severity: "minor", value: 25 },
        { severity: "critical", value: 50 },
      ],
      margin: 5,
      clearAfter: 6,
    },
    {
      kind: "threshold",
      id: "septic.h2s",
      source: "septic",
      field: "h2s_ppm",
      label: "硫化氢浓度",
      unit: "ppm",
      levels: [
        { severity: "minor", value: 10 },
        { severity: "critical", value: 20 },
      ],
      margin: 2,
      clearAfter: 6,
    },
    {
      kind: "threshold",
      id: "septic.level",
      source: "septic",
      field: "level_pct",
      label: "液位",
      unit: "%",
      levels: [
        { severity: "minor", value: 85 },
        { severity: "major", value: 90 },
      ],
      margin: 3,
      clearAfter: 6,
    },
    {
      kind: "threshold",
      id: "air.aqi",
      source: "air",
      field: "aqi",
      label: "AQI",
      op: ">",
      decimals: 0,
      levels: [
        { severity: "minor", value: 100, label: "轻度污染" },
        { severity: "major", value: 150, label: "中度污染" },
        { severity: "major", value: 200, label: "重度污染" },
        { severity: "critical", value: 300, label: "严重污染" },
      ],
      margin: 10,
      clearAfter: 2,
    },
    {
      kind: "anomaly",
      id: "energy.anomaly",
      source: "energy",
      anomalyKinds: ["meter_leak", "consumption_anomaly"],
      levels: [
        { severity: "minor", score: 3 },
        { severity: "major", score: 8 },
      ],
    },
    { kind: "offline", id: "septic.offline", source: "septic", afterMinutes: 30, severity: "minor" },
    { kind: "offline", id: "air.offline", source: "air", afterMinutes: 180, severity: "minor" },
    { kind: "offline", id: "energy.offline", source: "energy", afterMinutes: 120, severity: "minor" },
  ],
};

/** {@link DEFAULT_ALERT_RULES}, validated and with defaults applied. */
export function defaultAlertRules(): AlertRules {
  return parseAlertRules(DEFAULT_ALERT_RULES);
}
