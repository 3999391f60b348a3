/**
 * Alerts stream generator: a small alert history consistent with the anomalies the other
 * generators inject (the analytics rules raise live alerts later), plus invented vision
 * events. Reads the anomaly plans, which are pure functions of the context, so it can run
 * alone; it records no ground truth of its own.
 */
import type { ColumnBatch } from "../../schema/index.ts";
import { alerts } from "./schema.ts";
import { BatchBuilder } from "../../generators/batch-builder.ts";
import { presetOf } from "../../generators/presets.ts";
import { runDays } from "../../generators/run-days.ts";
import type { GeneratorSites, SiteShape } from "../../generators/site-shapes.ts";
import type { GeneratorContext } from "../../generators/types.ts";
import { airAnomalies } from "../air/generate.ts";
import { energyAnomalies } from "../energy/generate.ts";
import { septicAnomalies } from "../septic/generate.ts";
import { trafficAnomalies } from "../traffic/generate.ts";
import { alertFor, type AlertDraft } from "./generate-anomaly-alerts.ts";
import { visionAlerts } from "./generate-vision.ts";
import { windowAlertHistory } from "./generate-window.ts";

/**
 * The alert history of a run, in time order; of a window context, the alerts that changed in
 * the window (raised in it, or raised before and resolved in it).
 */
export function alertHistory(ctx: GeneratorContext<GeneratorSites>): AlertDraft[] {
  if (ctx.windowed) return windowAlertHistory(ctx);
  const anomalies = [
    ...energyAnomalies(ctx),
    ...septicAnomalies(ctx),
    ...airAnomalies(ctx),
    ...trafficAnomalies(ctx),
  ];
  const fromAnomalies = anomalies.flatMap((a) => alertFor(a, ctx.end) ?? []);
  const run = runDays(ctx.seed, ctx.start, ctx.end);
  const vision = visionAlerts(ctx.seed, run, ctx.sites.cameras, presetOf(ctx.preset).visionAlertsPerDay);
  return [...fromAnomalies, ...vision]
    .filter((a) => a.ts >= ctx.start && a.ts < ctx.end)
    .sort((a, b) => a.ts - b.ts || (a.alert_id < b.alert_id ? -1 : 1));
}

/**
 * Generates the alerts stream: one row per alert in its state at the end of the run (of a
 * window context: per alert that changed in the window, in its state at the window's end).
 * Live rule alerts come from the analytics rules engine; a window's anomaly alerts are those
 * a detector sees before the anomaly ends.
 * @example
 * const batches = [...generateAlerts(makeContext({ preset: "tiny", seed: 1 }))];
 */
export function* generateAlerts(ctx: GeneratorContext<GeneratorSites>): Generator<ColumnBatch> {
  const history = alertHistory(ctx);
  const where = new Map<string, SiteShape>();
  for (const list of [ctx.sites.cameras, ctx.sites.septicTanks, ctx.sites.ecoStations, ctx.sites.enterprises])
    for (const s of list) where.set(s.id, s);
  const siteOf = (id: string) => where.get(id) ?? where.get(id.replace(/-[EWGO]$/, ""));
  const b = new BatchBuilder(alerts, ctx.batchSize, {
    rule: [...new Set(history.map((a) => a.rule))].sort(),
    site_id: [...new Set(history.map((a) => a.site_id))].sort(),
    town_code: [...new Set(history.map((a) => siteOf(a.site_id)?.town_code ?? ""))].filter(Boolean).sort(),
  });
  const [ids, message, evidence, actor] = [
    b.values("alert_id"),
    b.values("message"),
    b.values("evidence"),
    b.values("actor"),
  ];
  const [ts, lon, lat, updated] = [b.f64("ts"), b.f64("lon"), b.f64("lat"), b.f64("updated_at")];
  for (const a of history) {
    const site = siteOf(a.site_id);
    if (!site) throw new Error(`alerts: no site "${a.site_id}" in the context's sites`);
    const done = a.resolvedAt !== null && a.resolvedAt < ctx.end;
    const i = b.fill;
    ids[i] = a.alert_id;
    ts[i] = a.ts;
    b.codes("source")[i] = b.codeOf("source", a.source);
    b.codes("rule")[i] = b.codeOf("rule", a.rule);
    b.codes("severity")[i] = b.codeOf("severity", a.severity);
    b.codes("site_id")[i] = b.codeOf("site_id", a.site_id);
    b.codes("town_code")[i] = b.codeOf("town_code", site.town_code);
    lon[i] = site.lon;
    lat[i] = site.lat;
    message[i] = a.message;
    evidence[i] = a.evidence;
    b.codes("status")[i] = b.codeOf("status", done ? (a.ack ? "ack" : "closed") : "open");
    updated[i] = done ? (a.resolvedAt as number) : a.ts;
    actor[i] = done ? a.actor : null;
    if (++b.fill === b.size) yield b.take();
  }
  if (b.fill > 0) yield b.take();
}
