/**
 * The alert history of a window context: the alerts of the live anomaly plan and the vision
 * events that changed in [start, end) — raised in it, or raised earlier and resolved in it —
 * so feeding consecutive windows leaves every alert in its state at the last window's end.
 */
import { presetOf } from "../../generators/presets.ts";
import { runDays } from "../../generators/run-days.ts";
import type { GeneratorSites } from "../../generators/site-shapes.ts";
import { DAY_MS } from "../../generators/time.ts";
import type { GeneratorContext } from "../../generators/types.ts";
import { airAnomalies } from "../air/generate.ts";
import { energyAnomalies } from "../energy/generate.ts";
import { septicAnomalies } from "../septic/generate.ts";
import { trafficAnomalies } from "../traffic/generate.ts";
import { alertFor, type AlertDraft } from "./generate-anomaly-alerts.ts";
import { visionAlerts } from "./generate-vision.ts";

/** How far back a window looks for alerts that may resolve in it (live anomalies last < 1 day). */
const LOOKBACK_MS = 2 * DAY_MS;

/** An alert's state at `at`: not yet raised, open, or resolved. */
function stateAt(a: AlertDraft, at: number): "none" | "open" | "resolved" {
  if (a.ts >= at) return "none";
  return a.resolvedAt !== null && a.resolvedAt < at ? "resolved" : "open";
}

/** The alerts that changed in a window context's [start, end), in time order. */
export function windowAlertHistory(ctx: GeneratorContext<GeneratorSites>): AlertDraft[] {
  const wide = { ...ctx, start: ctx.start - LOOKBACK_MS, groundTruth: [] };
  const anomalies = [
    ...energyAnomalies(wide),
    ...septicAnomalies(wide),
    ...airAnomalies(wide),
    ...trafficAnomalies(wide),
  ];
  // Live anomalies end within their day: an alert a detector would raise only after the end
  // (a leak seen at next night's minimum) is never raised, and every alert is resolved.
  const fromAnomalies = anomalies.flatMap((a) => alertFor(a, a.end + 1) ?? []);
  const run = runDays(ctx.seed, wide.start, ctx.end);
  const vision = visionAlerts(ctx.seed, run, ctx.sites.cameras, presetOf(ctx.preset).visionAlertsPerDay);
  return [...fromAnomalies, ...vision]
    .filter((a) => stateAt(a, ctx.start) !== stateAt(a, ctx.end))
    .sort((a, b) => a.ts - b.ts || (a.alert_id < b.alert_id ? -1 : 1));
}
