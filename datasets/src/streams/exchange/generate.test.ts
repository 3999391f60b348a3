import { describe, expect, it } from "vitest";
import { exchange } from "./schema.ts";
import { RECORDS_PER_YEAR, exchangeItems, generateExchange } from "./generate.ts";
import { CONSUMER_UNITS, exchangeCatalog } from "./generate-catalog.ts";
import { digestBatches } from "../../generators/batch-digest.ts";
import { batchToRows } from "../../schema/index.ts";
import { testContext, validationErrors } from "../../generators/test-support.ts";

describe("generateExchange", () => {
  const ctx = testContext("tiny");
  const batches = [...generateExchange(ctx)];

  it("has the seed facts' catalog: 434 items, 120+ consuming units", () => {
    expect(exchangeCatalog()).toHaveLength(434);
    expect(CONSUMER_UNITS.length).toBeGreaterThanOrEqual(120);
    expect(new Set(CONSUMER_UNITS).size).toBe(CONSUMER_UNITS.length);
  });

  it("is deterministic and seed-dependent", () => {
    const a = digestBatches(batches);
    expect(digestBatches(generateExchange(testContext("tiny", 1, { batchSize: 17 })))).toEqual(a);
    expect(digestBatches(generateExchange(testContext("tiny", 2))).digest).not.toBe(a.digest);
  });

  it("emits valid rows for the preset's items, at most one per item, consumer and day", () => {
    expect(validationErrors(exchange, batches)).toEqual([]);
    const rows = batches.flatMap(batchToRows);
    const pairs = exchangeItems(ctx).reduce((s, i) => s + i.consumers.length, 0);
    expect(rows.length).toBeLessThanOrEqual(2 * pairs);
    expect(rows.length).toBeGreaterThan(pairs); // two workdays: nearly every pair is active
    expect(new Set(rows.map((r) => `${r.day}/${r.item_id}/${r.consumer_unit}`)).size).toBe(rows.length);
  });

  it("sums to about 50 million records over a year of the full catalog, mostly on workdays", () => {
    const year = testContext("full", 1, { days: 365, sites: ctx.sites });
    let total = 0;
    let rows = 0;
    const byDay = new Map<string, number>();
    for (const b of generateExchange(year)) {
      rows += b.length;
      const days = b.columns.day as string[];
      const recs = b.columns.records as Int32Array;
      for (let i = 0; i < b.length; i++) {
        total += recs[i] as number;
        byDay.set(days[i] as string, (byDay.get(days[i] as string) ?? 0) + (recs[i] as number));
      }
    }
    expect(total).toBeGreaterThan(0.85 * RECORDS_PER_YEAR);
    expect(total).toBeLessThan(1.15 * RECORDS_PER_YEAR);
    expect(rows).toBeGreaterThan(250 * 1000);
    expect(byDay.get("2026-11-18")).toBeGreaterThan(4 * (byDay.get("2026-11-15") ?? 0)); // Wednesday vs Sunday
  });
});
