import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import type { CreditRow } from "./credit-kpis.ts";
import {
  creditActionsSql,
  creditListsSql,
  creditRatingDistribution,
  creditRatingDistributionSql,
  creditSummary,
} from "./credit-kpis.ts";

const r = (
  month: string,
  id: string,
  town: string,
  rating: CreditRow["rating"],
  v: Partial<CreditRow> = {},
): CreditRow => ({
  month,
  enterprise_id: id,
  town_code: town,
  rating,
  red_list: 0,
  black_list: 0,
  queries: 0,
  joint_rewards: 0,
  joint_punishments: 0,
  ...v,
});

// March 2026: E1 T1 A (red 2, queries 5, reward 1), E2 T1 B (black 1, queries 3, punish 2),
// E3 T2 A (red 1, queries 1), E4 T2 D (black 3, punish 4). February: E1 T1 A (queries 10, reward 2).
const rows = [
  r("2026-03-01", "E1", "T1", "A", { red_list: 2, queries: 5, joint_rewards: 1 }),
  r("2026-03-01", "E2", "T1", "B", { black_list: 1, queries: 3, joint_punishments: 2 }),
  r("2026-03-01", "E3", "T2", "A", { red_list: 1, queries: 1 }),
  r("2026-03-01", "E4", "T2", "D", { black_list: 3, joint_punishments: 4 }),
  r("2026-02-01", "E1", "T1", "A", { queries: 10, joint_rewards: 2 }),
];

describe("credit KPIs", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await storeWith("credit", rows);
  });
  afterAll(async () => {
    await store.close();
  });

  it("distributes a month's enterprises over every rating", async () => {
    const got = await run(store, creditRatingDistributionSql({ month: "2026-03-01" }));
    expect(got).toEqual([
      { rating: "A", enterprises: 2, share: 0.5 },
      { rating: "B", enterprises: 1, share: 0.25 },
      { rating: "C", enterprises: 0, share: 0 },
      { rating: "D", enterprises: 1, share: 0.25 },
    ]);
    expect(creditRatingDistribution(rows, "2026-03-01")).toEqual(got);
    const byTown = await run(store, creditRatingDistributionSql({ month: "2026-03-01", byTown: true }));
    expect(byTown.filter((x) => x.town_code === "T1").map((x) => [x.rating, x.enterprises, x.share])).toEqual(
      [
        ["A", 1, 0.5],
        ["B", 1, 0.5],
        ["C", 0, 0],
        ["D", 0, 0],
      ],
    );
    const empty = await run(store, creditRatingDistributionSql({ month: "2025-01-01" }));
    expect(empty.map((x) => x.share)).toEqual([null, null, null, null]);
  });

  it("counts red/black lists and joint actions, as the TS version does", async () => {
    const [lists] = await run(store, creditListsSql({ month: "2026-03-01" }));
    const [actions] = await run(
      store,
      creditActionsSql({ period: { start: "2026-02-01", end: "2026-04-01" } }),
    );
    // red: E1 + E3 = 2 enterprises, 2 + 1 = 3 entries; black: E2 + E4, 1 + 3 = 4
    // rewards 1 + 2 = 3, punishments 2 + 4 = 6, queries 5 + 3 + 1 + 10 = 19
    expect({ ...lists, ...actions }).toEqual({
      red_enterprises: 2,
      red_entries: 3,
      black_enterprises: 2,
      black_entries: 4,
      joint_rewards: 3,
      joint_punishments: 6,
      joint_actions: 9,
      queries: 19,
    });
    expect(creditSummary(rows, "2026-03-01", { start: "2026-02-01", end: "2026-04-01" })).toEqual({
      ...lists,
      ...actions,
    });
    const byTown = await run(store, creditListsSql({ month: "2026-03-01", byTown: true }));
    expect(byTown.map((x) => [x.town_code, x.red_entries, x.black_entries])).toEqual([
      ["T1", 2, 1],
      ["T2", 1, 3],
    ]);
  });

  it("wants the first day of a month", () => {
    expect(() => creditListsSql({ month: "2026-03-15" })).toThrow(/expected the first day of a month/);
  });
});
