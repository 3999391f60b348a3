/**
 * Exchange stream generator: records exchanged per day, catalog item and consuming unit on the
 * data-sharing platform. Volumes are heavy-tailed across items, mostly on workdays, higher at
 * month ends and growing through the year; a full year of the full catalog sums to about the
 * 50 million records of the seed facts. Each (item, day) is seeded on its own, so a day's rows
 * do not depend on the span or the number of items generated. Days with no records have no row.
 */
import type { ColumnBatch } from "../../schema/index.ts";
import { exchange } from "./schema.ts";
import { BatchBuilder } from "../../generators/batch-builder.ts";
import { presetOf } from "../../generators/presets.ts";
import { rngFor } from "../../generators/random.ts";
import { runDays } from "../../generators/run-days.ts";
import { selectEvenly } from "../../generators/select-sites.ts";
import type { GeneratorSites } from "../../generators/site-shapes.ts";
import { dateOfDay, dayOfDate, dayStart, localDay, nextMonthStartDay } from "../../generators/time.ts";
import type { GeneratorContext } from "../../generators/types.ts";
import { CONSUMER_UNITS, exchangeCatalog, type CatalogItem } from "./generate-catalog.ts";

/** Records the whole catalog exchanges in a year (the seed fact: 50M records). */
export const RECORDS_PER_YEAR = 50_000_000;
/** Activity by day type: workday, Saturday, Sunday, holiday. */
const DAY_TYPE = [1, 0.15, 0.12, 0.1];
/** Mean of DAY_TYPE over a year (≈ 250 workdays, 115 rest days), to keep the yearly total. */
const MEAN_DAY = (250 + 115 * 0.13) / 365;
const TREND_ORIGIN = dayOfDate("2026-01-01");

/** The catalog items a run generates. */
export function exchangeItems(ctx: GeneratorContext<GeneratorSites>): CatalogItem[] {
  return selectEvenly(exchangeCatalog(), presetOf(ctx.preset).sites.exchangeItems);
}

/**
 * Generates the exchange stream, day by day; a window context yields the days that start in it.
 * @example
 * const batches = [...generateExchange(makeContext({ preset: "demo", seed: 1 }))];
 */
export function* generateExchange(ctx: GeneratorContext<GeneratorSites>): Generator<ColumnBatch> {
  if (ctx.windowed) {
    const start = dayStart(localDay(ctx.start - 1) + 1);
    if (start < ctx.end) yield* generateExchange({ ...ctx, start, windowed: false });
    return;
  }
  const items = exchangeItems(ctx);
  const run = runDays(ctx.seed, ctx.start, ctx.end);
  const b = new BatchBuilder(exchange, ctx.batchSize, {
    item_id: items.map((i) => i.id),
    provider_unit: [...new Set(exchangeCatalog().map((i) => i.provider))].sort(),
    consumer_unit: CONSUMER_UNITS,
  });
  const [day, records, calls] = [b.values("day"), b.i32("records"), b.i32("calls")];
  const [itemC, providerC, consumerC] = [
    b.codes("item_id"),
    b.codes("provider_unit"),
    b.codes("consumer_unit"),
  ];
  const codes = items.map((item) => ({
    provider: b.codeOf("provider_unit", item.provider),
    consumers: item.consumers.map((c) => b.codeOf("consumer_unit", c)),
  }));
  for (let d = 0; d < run.days; d++) {
    const today = run.firstDay + d;
    const date = dateOfDay(today);
    const monthEnd = nextMonthStartDay(today) - today <= 3 ? 1.3 : 1;
    const trend = 1 + (0.15 * (today - TREND_ORIGIN)) / 365;
    const level =
      ((DAY_TYPE[run.dayType[d] as number] as number) * monthEnd * trend * RECORDS_PER_YEAR) / 365 / MEAN_DAY;
    for (const [k, item] of items.entries()) {
      const rng = rngFor(ctx.seed, "exchange", item.id, today);
      const c = codes[k] as (typeof codes)[number];
      for (const consumer of c.consumers) {
        const n = Math.round(item.weight * level * rng.logNormal(0.94, 0.35));
        if (n <= 0) continue;
        const i = b.fill;
        day[i] = date;
        itemC[i] = k;
        providerC[i] = c.provider;
        consumerC[i] = consumer;
        records[i] = n;
        calls[i] = Math.ceil(n / item.recordsPerCall);
        if (++b.fill === b.size) yield b.take();
      }
    }
  }
  if (b.fill > 0) yield b.take();
}
