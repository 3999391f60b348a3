/**
 * Alerts the analytics rules would have raised for the injected anomalies: each anomaly gives
 * one alert, raised a plausible detection delay after its start and closed (or not) by its end.
 * Rule ids and wording are this project's; severities follow the alarm thresholds of DOMAIN.md.
 */
import type { Severity } from "../index.ts";
import { HOUR_MS, MINUTE_MS, dayStart, localDay } from "../../generators/time.ts";
import type { GroundTruthAnomaly } from "../../generators/types.ts";

/** An alert before it is written as a row. */
export interface AlertDraft {
  readonly alert_id: string;
  readonly ts: number;
  readonly source: "energy" | "traffic" | "septic" | "air" | "vision";
  readonly rule: string;
  readonly severity: Severity;
  readonly site_id: string;
  readonly message: string;
  readonly evidence: string | null;
  /** When it was closed (or acknowledged, with `ack`), if it was. */
  readonly resolvedAt: number | null;
  readonly ack?: boolean;
  readonly actor: string;
}

const DUTY = "指挥中心值班员";

/** The alert for one anomaly, or undefined when detection would come after `end`. */
export function alertFor(a: GroundTruthAnomaly, end: number): AlertDraft | undefined {
  const base = { alert_id: `ALT-${a.id}`, site_id: a.site_id, evidence: null, actor: DUTY };
  const source = a.stream as AlertDraft["source"];
  let draft: AlertDraft;
  switch (a.kind) {
    case "meter_leak": {
      // Seen once a full night's minimum flow is in: 04:00 after the first night following the start.
      const night = dayStart(localDay(a.start + 6 * HOUR_MS)) + 4 * HOUR_MS;
      const ts = night > a.start + 6 * HOUR_MS ? night : night + 24 * HOUR_MS;
      const extra = a.details?.extra_per_interval ?? "?";
      const message = `${a.site_id} 夜间最小流量持续偏高（约 +${extra} t/15min），疑似漏水`;
      draft = {
        ...base,
        ts,
        source,
        rule: "energy.water.night_baseline",
        severity: "major",
        message,
        resolvedAt: ts + 2 * HOUR_MS,
        ack: true,
      };
      break;
    }
    case "tank_filling": {
      const ts = Number(a.details?.crosses_90_at ?? a.start) + 5 * MINUTE_MS;
      const message = `${a.site_id} 化粪池液位超过 90%（报警阈值），未见清掏`;
      draft = {
        ...base,
        ts,
        source,
        rule: "septic.level.high",
        severity: "critical",
        message,
        resolvedAt: a.end < end ? a.end + 30 * MINUTE_MS : null,
      };
      break;
    }
    case "stuck_sensor": {
      const ts = a.start + Math.min(2 * HOUR_MS, a.end - a.start);
      const message = `${a.site_id} 传感器读数长时间不变，疑似故障`;
      draft = {
        ...base,
        ts,
        source,
        rule: "sensor.stuck",
        severity: "minor",
        message,
        resolvedAt: a.end < end ? a.end + 10 * MINUTE_MS : null,
      };
      break;
    }
    case "traffic_jam": {
      const ts = a.start + 5 * MINUTE_MS;
      const dir = a.details?.direction === "up" ? "上行" : "下行";
      const message = `${a.site_id} ${dir}车流骤减、车速低于 12 km/h，疑似拥堵`;
      draft = {
        ...base,
        ts,
        source,
        rule: "traffic.congestion",
        severity: "minor",
        message,
        resolvedAt: a.end < end ? a.end + 5 * MINUTE_MS : null,
      };
      break;
    }
    case "data_gap": {
      const ts = a.start + 30 * MINUTE_MS;
      const message = `${a.site_id} 数据中断，设备离线`;
      draft = {
        ...base,
        ts,
        source,
        rule: "device.offline",
        severity: "info",
        message,
        resolvedAt: a.end < end ? a.end : null,
      };
      break;
    }
    default:
      return undefined;
  }
  return draft.ts < end ? draft : undefined;
}
