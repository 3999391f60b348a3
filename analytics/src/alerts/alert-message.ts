import { formatDateTimeZh } from "../format/index.ts";
import type { AnomalyRule, ThresholdRule } from "./alert-rule-config.ts";
import { SEVERITY_ZH } from "./alert-row.ts";

/** Chinese names of the detector's anomaly kinds, for alert messages. */
export const ANOMALY_KIND_ZH: Readonly<Record<string, string>> = {
  meter_leak: "疑似泄漏（夜间最小流量持续偏高）",
  consumption_anomaly: "能耗异常",
  stuck_sensor: "传感器读数冻结",
  data_gap: "数据中断",
  tank_filling: "液位持续上升未清掏",
  traffic_jam: "交通拥堵",
};

function withUnit(n: string, unit: string): string {
  return unit ? `${n} ${unit}` : n;
}

/**
 * 「SEP-012 甲烷浓度 52.3 %LEL，超过一级阈值 50 %LEL」, or with a band label
 * 「AIR-03 AQI 168，中度污染（超过 150）」.
 */
export function thresholdMessage(rule: ThresholdRule, siteId: string, value: number, level: number): string {
  const lv = rule.levels[level];
  if (!lv) throw new Error(`rule "${rule.id}" has no level ${level}`);
  const shown = withUnit(value.toFixed(rule.decimals), rule.unit);
  const limit = withUnit(String(lv.value), rule.unit);
  return lv.label
    ? `${siteId} ${rule.label} ${shown}，${lv.label}（超过 ${limit}）`
    : `${siteId} ${rule.label} ${shown}，超过${SEVERITY_ZH[lv.severity]}阈值 ${limit}`;
}

/** 「SEP-012 设备离线，已 35 分钟无数据（最后上报 2026-03-01 10:05）」 */
export function offlineMessage(siteId: string, lastSeen: number, now: number): string {
  const minutes = Math.round((now - lastSeen) / 60_000);
  return `${siteId} 设备离线，已 ${minutes} 分钟无数据（最后上报 ${formatDateTimeZh(lastSeen, { minutes: true })}）`;
}

/** 「ENT-0007-W 疑似泄漏（夜间最小流量持续偏高），异常评分 6.2」 */
export function anomalyMessage(_rule: AnomalyRule, siteId: string, kind: string, score: number): string {
  return `${siteId} ${ANOMALY_KIND_ZH[kind] ?? kind}，异常评分 ${score.toFixed(1)}`;
}
