import type { Severity } from "@citybrain/datasets";
import type { AlertRule } from "./alert-rule-config.ts";
import { alertId } from "./alert-id.ts";
import type { AlertRow, AlertSource } from "./alert-row.ts";

/** Where a site is, for alerts raised without a reading (offline, anomalies). */
export interface SiteLocation {
  readonly town_code?: string | null;
  readonly lon?: number | null;
  readonly lat?: number | null;
}

/**
 * The first row of a new alert: open, no actor, its id from rule, site and start. `places` are
 * tried in order for each location field (the reading first, then the site lookup).
 */
export function newAlertRow(
  rule: AlertRule,
  siteId: string,
  start: number,
  severity: Severity,
  message: string,
  places: readonly (SiteLocation | undefined)[],
): AlertRow {
  const first = <K extends keyof SiteLocation>(k: K) => places.find((p) => p?.[k] != null)?.[k] ?? null;
  return {
    alert_id: alertId(rule.id, siteId, start),
    ts: start,
    source: rule.source as AlertSource,
    rule: rule.id,
    severity,
    site_id: siteId,
    town_code: first("town_code"),
    lon: first("lon"),
    lat: first("lat"),
    message,
    evidence: null,
    status: "open",
    updated_at: start,
    actor: null,
  };
}
