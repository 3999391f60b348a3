import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import type { ExchangeRow } from "./exchange-kpis.ts";
import { exchangeItemsSql, exchangeTotalsSql, exchangeUnits, exchangeUnitsSql } from "./exchange-kpis.ts";

const x = (
  day: string,
  item: string,
  provider: string,
  consumer: string,
  records: number,
  calls: number,
): ExchangeRow => ({
  day,
  item_id: item,
  provider_unit: provider,
  consumer_unit: consumer,
  records,
  calls,
});

// March 2026: DIR-1 (市场监管局) → 税务局 100 + 50, → 人社局 30; DIR-2 (市场监管局) → 税务局 20;
// DIR-3 (公安局) → 人社局 200. April: DIR-3 → 税务局 999 (outside).
// Providers: 市场监管局 100 + 50 + 30 + 20 = 200 (2 items), 公安局 200 (1 item): a tie, which
// goes to the unit id in code-point order: 公 (U+516C) < 市 (U+5E02) → 公安局 rank 1.
// Consumers: 人社局 230, 税务局 170.
const rows = [
  x("2026-03-01", "DIR-1", "市场监管局", "税务局", 100, 2),
  x("2026-03-02", "DIR-1", "市场监管局", "税务局", 50, 1),
  x("2026-03-01", "DIR-1", "市场监管局", "人社局", 30, 1),
  x("2026-03-05", "DIR-2", "市场监管局", "税务局", 20, 1),
  x("2026-03-31", "DIR-3", "公安局", "人社局", 200, 4),
  x("2026-04-01", "DIR-3", "公安局", "税务局", 999, 9),
];
const period = { start: "2026-03-01", end: "2026-04-01" };

describe("exchange KPIs", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await storeWith("exchange", rows);
  });
  afterAll(async () => {
    await store.close();
  });

  it("ranks providers and consumers by records, as the TS version does", async () => {
    const providers = await run(store, exchangeUnitsSql({ period, role: "provider" }));
    expect(providers).toEqual([
      { rank: 1, unit: "公安局", records: 200, calls: 4, items: 1 },
      { rank: 2, unit: "市场监管局", records: 200, calls: 5, items: 2 },
    ]);
    expect(exchangeUnits(rows, period, "provider")).toEqual(providers);
    const top1 = await run(store, exchangeUnitsSql({ period, role: "consumer", limit: 1 }));
    expect(top1).toEqual([{ rank: 1, unit: "人社局", records: 230, calls: 5, items: 2 }]);
    expect(exchangeUnits(rows, period, "consumer", 1)).toEqual(top1);
  });

  it("sums records per item and for the platform", async () => {
    expect(await run(store, exchangeItemsSql({ period }))).toEqual([
      { item_id: "DIR-3", provider_unit: "公安局", records: 200, calls: 4, consumers: 1 },
      { item_id: "DIR-1", provider_unit: "市场监管局", records: 180, calls: 4, consumers: 2 },
      { item_id: "DIR-2", provider_unit: "市场监管局", records: 20, calls: 1, consumers: 1 },
    ]);
    expect(await run(store, exchangeTotalsSql({ period }))).toEqual([
      { records: 400, calls: 9, items: 3, providers: 2, consumers: 2 },
    ]);
  });

  it("binds the limit and rejects bad options", () => {
    expect(exchangeUnitsSql({ period, role: "provider", limit: 5 }).params).toEqual([
      "2026-03-01",
      "2026-04-01",
      5,
    ]);
    expect(() => exchangeUnitsSql({ period, role: "provider", limit: 0 })).toThrow(/positive integer/);
    expect(() => exchangeUnitsSql({ period, role: "owner" as never })).toThrow(/exchange role/);
  });
});
