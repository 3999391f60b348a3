/**
 * Credit stream generator (信用潼南): one row per enterprise and month. Each enterprise's
 * rating walks a sticky Markov chain from January 2024 (so a month's values do not depend on
 * the span generated); red-list honours and black-list entries persist for months and follow
 * the rating; report queries scale with size and rise before the year-end tender season; joint
 * reward and punishment actions follow the lists. All invented; the categories follow China's
 * social-credit system for enterprises.
 */
import type { ColumnBatch } from "../../schema/index.ts";
import { credit } from "./schema.ts";
import { BatchBuilder } from "../../generators/batch-builder.ts";
import { presetOf } from "../../generators/presets.ts";
import { rngFor, type Random } from "../../generators/random.ts";
import { selectEvenly } from "../../generators/select-sites.ts";
import type { EnterpriseShape, GeneratorSites } from "../../generators/site-shapes.ts";
import type { GeneratorContext } from "../../generators/types.ts";
import {
  dateOfDay,
  dayOfDate,
  dayStart,
  localDay,
  monthOfDay,
  nextMonthStartDay,
  monthStartDay,
} from "../../generators/time.ts";

const ORIGIN = dayOfDate("2024-01-01");
const RATINGS = ["A", "B", "C", "D"] as const;
/** Initial rating weights by scale. */
const START: Record<string, readonly number[]> = {
  key: [0.7, 0.25, 0.05, 0],
  above: [0.5, 0.35, 0.12, 0.03],
  other: [0.35, 0.4, 0.2, 0.05],
};
const QUERIES: Record<string, number> = { key: 12, above: 6, other: 2 };

/** One month of one enterprise. */
interface CreditState {
  rating: number;
  red: number;
  black: number;
}

function draw(rng: Random, weights: readonly number[]): number {
  let x = rng.next();
  for (const [i, w] of weights.entries()) if ((x -= w) < 0) return i;
  return weights.length - 1;
}

function step(rng: Random, s: CreditState): void {
  if (rng.chance(0.04))
    s.rating = Math.max(0, Math.min(3, s.rating + (rng.chance(s.rating >= 2 ? 0.5 : 0.6) ? 1 : -1)));
  if (s.rating === 0 && rng.chance(0.05)) s.red = Math.min(5, s.red + 1);
  if (s.red > 0 && (s.rating > 1 || rng.chance(0.03))) s.red--;
  if (s.rating === 3 && s.black === 0) s.black = 1 + rng.poisson(0.8);
  else if (s.rating === 2 && rng.chance(0.02)) s.black++;
  else if (s.black > 0 && s.rating <= 1) s.black--;
  if (s.black > 0 && s.rating === 0) s.rating = 1; // no A rating while on the black list
}

/** The enterprises a run reports credit for. */
export function creditEnterprises(ctx: GeneratorContext<GeneratorSites>): EnterpriseShape[] {
  return selectEvenly(ctx.sites.enterprises, presetOf(ctx.preset).sites.credit);
}

/** First days (day indices) of the months overlapping [start, end). */
export function creditMonths(start: number, end: number): number[] {
  const out: number[] = [];
  for (let m = monthStartDay(localDay(start)); m <= localDay(end - 1); m = nextMonthStartDay(m)) out.push(m);
  return out;
}

/**
 * Generates the credit stream: months overlapping the run (in a window context: starting in
 * it), month by month.
 * @example
 * const batches = [...generateCredit(makeContext({ preset: "demo", seed: 1 }))];
 */
export function* generateCredit(ctx: GeneratorContext<GeneratorSites>): Generator<ColumnBatch> {
  const firms = creditEnterprises(ctx);
  // A window reports the months that start in it.
  const months = creditMonths(ctx.start, ctx.end).filter((m) => !ctx.windowed || dayStart(m) >= ctx.start);
  const b = new BatchBuilder(credit, ctx.batchSize, {
    enterprise_id: firms.map((f) => f.id),
    town_code: [...new Set(firms.map((f) => f.town_code))].sort(),
  });
  const rows = months.map(() => [] as [EnterpriseShape, CreditState, Random][]);
  for (const firm of firms) {
    const rng = rngFor(ctx.seed, "credit", firm.id);
    const s: CreditState = {
      rating: draw(rng, START[firm.scale ?? "other"] ?? (START.other as number[])),
      red: 0,
      black: 0,
    };
    s.red = s.rating === 0 ? rng.poisson(1) : 0;
    for (let m = Math.min(ORIGIN, months[0] ?? ORIGIN), k = 0; k < months.length; m = nextMonthStartDay(m)) {
      step(rng, s);
      if (m === months[k]) rows[k++]?.push([firm, { ...s }, rngFor(ctx.seed, "credit", firm.id, m)]);
    }
  }
  const [month, red, black, queries, rewards, punishments] = [
    b.values("month"),
    b.i32("red_list"),
    b.i32("black_list"),
    b.i32("queries"),
    b.i32("joint_rewards"),
    b.i32("joint_punishments"),
  ];
  const [firmC, townC, ratingC] = [b.codes("enterprise_id"), b.codes("town_code"), b.codes("rating")];
  for (const [k, list] of rows.entries()) {
    const first = months[k] as number;
    const season = monthOfDay(first) >= 10 || monthOfDay(first) === 0 ? 1.3 : 1;
    for (const [firm, s, rng] of list) {
      const i = b.fill;
      month[i] = dateOfDay(first);
      firmC[i] = b.codeOf("enterprise_id", firm.id);
      townC[i] = b.codeOf("town_code", firm.town_code);
      ratingC[i] = b.codeOf("rating", RATINGS[s.rating] as string);
      red[i] = s.red;
      black[i] = s.black;
      queries[i] = rng.poisson((QUERIES[firm.scale ?? "other"] ?? 2) * season);
      rewards[i] = s.red > 0 ? rng.poisson(0.3 * s.red) : 0;
      punishments[i] = s.black > 0 ? rng.poisson(0.5 * s.black) : 0;
      if (++b.fill === b.size) yield b.take();
    }
  }
  if (b.fill > 0) yield b.take();
}
