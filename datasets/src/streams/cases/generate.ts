/**
 * Cases stream generator: 爱潼南 cases (drawn day by day in generate-day.ts), each row the case
 * in its state at the end of the run; some are still open then. A window context yields the
 * cases that changed in the window instead: those opened in it and older ones whose status
 * moved on (assigned, processing, closed), each in its state at the window's end — so feeding
 * consecutive windows leaves every case as a run to the last window's end would have it.
 */
import type { ColumnBatch } from "../../schema/index.ts";
import { cases } from "./schema.ts";
import { BatchBuilder } from "../../generators/batch-builder.ts";
import { presetOf } from "../../generators/presets.ts";
import { runDays } from "../../generators/run-days.ts";
import type { GeneratorSites, SiteShape } from "../../generators/site-shapes.ts";
import { DAY_MS } from "../../generators/time.ts";
import type { GeneratorContext } from "../../generators/types.ts";
import { CASE_APPS } from "./generate-catalog.ts";
import { caseSetting, caseState, dayCases, type CaseDraft } from "./generate-day.ts";

/** How far back a window looks for cases whose status may change in it. */
export const CASE_LOOKBACK_DAYS = 60;

/** Where cases are placed: every site, so the density follows the urban core and town seats. */
export function caseAnchors(sites: GeneratorSites): SiteShape[] {
  return [...sites.cameras, ...sites.septicTanks, ...sites.enterprises];
}

/**
 * Generates the cases stream.
 * @example
 * const batches = [...generateCases(makeContext({ preset: "tiny", seed: 1 }))];
 */
export function* generateCases(ctx: GeneratorContext<GeneratorSites>): Generator<ColumnBatch> {
  const anchors = caseAnchors(ctx.sites);
  if (anchors.length === 0)
    throw new Error("cases: the sites have no cameras, tanks or enterprises to place cases near");
  const setting = caseSetting(ctx.seed, presetOf(ctx.preset).casesPerDay, anchors);
  const from = ctx.windowed ? ctx.start - CASE_LOOKBACK_DAYS * DAY_MS : ctx.start;
  const run = runDays(ctx.seed, from, ctx.end);
  const b = new BatchBuilder(cases, ctx.batchSize, {
    app: CASE_APPS.map((a) => a.name),
    category: [...new Set(setting.flat.map((f) => f.category.name))],
    town_code: [...new Set(anchors.map((a) => a.town_code))].sort(),
  });
  const [ids, closed] = [b.values("case_id"), b.values("closed_at")];
  const [lon, lat, opened] = [b.f64("lon"), b.f64("lat"), b.f64("opened_at")];
  const [app, category, town, status] = [
    b.codes("app"),
    b.codes("category"),
    b.codes("town_code"),
    b.codes("status"),
  ];
  const appCode = setting.flat.map((f) => b.codeOf("app", f.app));
  const categoryCode = setting.flat.map((f) => b.codeOf("category", f.category.name));
  const inRun = (t: number) => t >= ctx.start && t < ctx.end;
  // A window keeps new cases and older ones whose status moved on; a run keeps its own cases.
  const changed = (c: CaseDraft) =>
    inRun(c.t) || (c.t < ctx.start && caseState(c, ctx.start).status !== caseState(c, ctx.end).status);
  for (let d = 0; d < run.days; d++) {
    const drafts = dayCases(
      setting,
      run.firstDay + d,
      run.dayType[d] as number,
      ctx.windowed ? undefined : inRun,
    );
    for (const c of drafts) {
      if (ctx.windowed && !changed(c)) continue;
      const state = caseState(c, ctx.end);
      const i = b.fill;
      ids[i] = c.id;
      app[i] = appCode[c.k] as number;
      category[i] = categoryCode[c.k] as number;
      town[i] = b.codeOf("town_code", c.anchor.town_code);
      lon[i] = c.lon;
      lat[i] = c.lat;
      opened[i] = Math.round(c.t / 1000) * 1000;
      closed[i] = state.closedAt;
      status[i] = b.codeOf("status", state.status);
      if (++b.fill === b.size) yield b.take();
    }
  }
  if (b.fill > 0) yield b.take();
}
