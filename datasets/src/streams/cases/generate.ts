/**
 * Cases stream generator: 爱潼南 cases as Poisson arrivals with a daily cycle (fewer at night
 * and at weekends, noise complaints up in summer evenings), placed near the district's sites
 * (dense where people are), closed after a log-normal time; some are still open at the end.
 * Each day's cases depend only on the seed and the day; their status on the run's end.
 */
import type { ColumnBatch } from "../../schema/index.ts";
import { cases } from "./schema.ts";
import { BatchBuilder } from "../../generators/batch-builder.ts";
import { presetOf } from "../../generators/presets.ts";
import { cumulative, rngFor } from "../../generators/random.ts";
import { runDays } from "../../generators/run-days.ts";
import type { GeneratorSites, SiteShape } from "../../generators/site-shapes.ts";
import { HOUR_MS, dateOfDay, dayStart, monthOfDay } from "../../generators/time.ts";
import type { GeneratorContext } from "../../generators/types.ts";
import { CASE_APPS, flatCategories } from "./generate-catalog.ts";

const HOURLY = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.5, 1, 1.5, 1.7, 1.7, 1.4, 1, 1.1, 1.4, 1.5, 1.4, 1.2, 1, 1.1, 1.2, 1,
  0.6, 0.3,
];
const HOURLY_SUM = HOURLY.reduce((s, x) => s + x, 0);
const DAY_TYPE = [1, 0.8, 0.75, 0.65];

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
  const flat = flatCategories();
  const pick = cumulative(flat.map((f) => f.p));
  const run = runDays(ctx.seed, ctx.start, ctx.end);
  const perDay = presetOf(ctx.preset).casesPerDay;
  const b = new BatchBuilder(cases, ctx.batchSize, {
    app: CASE_APPS.map((a) => a.name),
    category: [...new Set(flat.map((f) => f.category.name))],
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
  const appCode = flat.map((f) => b.codeOf("app", f.app));
  const categoryCode = flat.map((f) => b.codeOf("category", f.category.name));
  const statusCode = Object.fromEntries(
    ["open", "assigned", "processing", "closed", "rejected"].map((s) => [s, b.codeOf("status", s)]),
  );
  for (let d = 0; d < run.days; d++) {
    const day = run.firstDay + d;
    const rng = rngFor(ctx.seed, "cases", day);
    const summer = monthOfDay(day) >= 5 && monthOfDay(day) <= 7;
    const times: number[] = [];
    for (let h = 0; h < 24; h++) {
      const n = rng.poisson(
        (perDay * (DAY_TYPE[run.dayType[d] as number] as number) * (HOURLY[h] as number)) / HOURLY_SUM,
      );
      for (let k = 0; k < n; k++) times.push(dayStart(day) + (h + rng.next()) * HOUR_MS);
    }
    times.sort((x, y) => x - y);
    const date = dateOfDay(day).replaceAll("-", "");
    for (const [seq, t] of times.entries()) {
      let k = rng.weighted(pick);
      // Noise complaints are commoner on summer evenings: redraw half of them otherwise.
      if (flat[k]?.category.name === "噪音扰民" && !summer && rng.chance(0.4)) k = rng.weighted(pick);
      const f = flat[k] as (typeof flat)[number];
      const anchor = anchors[rng.int(anchors.length)] as SiteShape;
      const rejected = rng.chance(0.05);
      const closedAt =
        t + (rejected ? rng.logNormal(2, 0.5) : rng.logNormal(f.category.medianHours, 0.9)) * HOUR_MS;
      if (t < ctx.start || t >= ctx.end) continue;
      const i = b.fill;
      ids[i] = `C${date}${String(seq + 1).padStart(4, "0")}`;
      app[i] = appCode[k] as number;
      category[i] = categoryCode[k] as number;
      town[i] = b.codeOf("town_code", anchor.town_code);
      lon[i] = Math.round((anchor.lon + 0.002 * rng.normal()) * 1e6) / 1e6;
      lat[i] = Math.round((anchor.lat + 0.002 * rng.normal()) * 1e6) / 1e6;
      opened[i] = Math.round(t / 1000) * 1000;
      const done = closedAt < ctx.end;
      const age = (ctx.end - t) / HOUR_MS;
      closed[i] = done ? Math.round(closedAt / 1000) * 1000 : null;
      status[i] = statusCode[
        done ? (rejected ? "rejected" : "closed") : age < 0.5 ? "open" : age < 4 ? "assigned" : "processing"
      ] as number;
      if (++b.fill === b.size) yield b.take();
    }
  }
  if (b.fill > 0) yield b.take();
}
