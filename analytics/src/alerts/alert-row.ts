import type { RowOf, Severity } from "@citybrain/datasets";
import type { alerts } from "@citybrain/datasets";

/** One row of the `alerts` stream; a later row with the same `alert_id` updates the alert. */
export type AlertRow = RowOf<(typeof alerts)["fields"]>;

/** The subsystem an alert comes from (the `source` field of the alerts stream). */
export type AlertSource = AlertRow["source"];

/** An alert's workflow state. */
export type AlertStatus = AlertRow["status"];

/** Alarm levels from lowest to highest; the index is the rank used for escalation. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, minor: 1, major: 2, critical: 3 };

/** Chinese alarm level names: 一级 is the most severe. */
export const SEVERITY_ZH: Readonly<Record<Severity, string>> = {
  critical: "一级",
  major: "二级",
  minor: "三级",
  info: "四级",
};

/**
 * One time-stamped reading that alert rules look at: a site's measured values at `ts`.
 * Rows of any stream become readings with {@link readingFromRow}-style adapters.
 */
export interface Reading {
  readonly source: AlertSource;
  readonly site_id: string;
  /** Epoch ms (UTC). */
  readonly ts: number;
  readonly town_code?: string | null;
  readonly lon?: number | null;
  readonly lat?: number | null;
  /** Measured values by field name (`ch4_lel`, `aqi`, …); null or absent means not measured. */
  readonly values: Readonly<Record<string, number | null | undefined>>;
}
