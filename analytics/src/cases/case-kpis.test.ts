import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import type { CaseRow } from "./case-kpis.ts";
import { caseKpis, caseKpisSql } from "./case-kpis.ts";

const at = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const c = (id: string, town: string, opened: string, closed: string | null, status: CaseRow["status"]) => ({
  case_id: id,
  app: "城管随手拍",
  category: "占道经营",
  town_code: town,
  lon: 105.84,
  lat: 30.19,
  opened_at: at(opened),
  closed_at: closed == null ? null : at(closed),
  status,
});

// Period: 2026-03-01 … 03-03 (local). Town T1:
//  C1 opened 03-01 08:00, closed 03-01 10:00 (2 h)      → opened, closed, closed in period
//  C2 opened 03-01 09:00, closed 03-02 09:00 (24 h)     → opened, closed, closed in period
//  C3 opened 03-02 12:00, still open                    → opened, backlog
//  C4 opened 02-27 00:00, closed 03-01 00:00 (48 h)     → closed in period only
//  C5 opened 02-28 00:00, closed 03-03 00:00 (after end) → backlog
//  C6 opened 03-01, rejected                             → ignored
//  C7 opened 03-03 00:00 (after the period)              → ignored
// T1: opened 3, closed 2, rate 2/3, closed in period 3 with hours [2, 24, 48] → median 24,
//     backlog 2 (C3, C5). Town T2: C8 opened 02-20, open → opened 0 (rate NULL), backlog 1.
const rows = [
  c("C1", "T1", "2026-03-01T08:00", "2026-03-01T10:00", "closed"),
  c("C2", "T1", "2026-03-01T09:00", "2026-03-02T09:00", "closed"),
  c("C3", "T1", "2026-03-02T12:00", null, "processing"),
  c("C4", "T1", "2026-02-27T00:00", "2026-03-01T00:00", "closed"),
  c("C5", "T1", "2026-02-28T00:00", "2026-03-03T00:00", "closed"),
  c("C6", "T1", "2026-03-01T11:00", null, "rejected"),
  c("C7", "T1", "2026-03-03T00:00", null, "open"),
  c("C8", "T2", "2026-02-20T00:00", null, "assigned"),
];
const period = { start: "2026-03-01", end: "2026-03-03" };

describe("case KPIs", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await storeWith("cases", rows);
  });
  afterAll(async () => {
    await store.close();
  });

  it("gives closure rate, median time to close and backlog by town", async () => {
    const got = await run(store, caseKpisSql({ period, by: "town_code" }));
    expect(got).toEqual([
      {
        town_code: "T1",
        opened: 3,
        closed: 2,
        closure_rate: 2 / 3,
        closed_in_period: 3,
        median_hours_to_close: 24,
        backlog: 2,
      },
      {
        town_code: "T2",
        opened: 0,
        closed: 0,
        closure_rate: null,
        closed_in_period: 0,
        median_hours_to_close: null,
        backlog: 1,
      },
    ]);
  });

  it("matches the TS version district-wide", async () => {
    const [all] = await run(store, caseKpisSql({ period }));
    const ts = caseKpis(rows, period);
    expect(ts).toEqual({
      opened: 3,
      closed: 2,
      closureRate: 2 / 3,
      closedInPeriod: 3,
      medianHoursToClose: 24,
      backlog: 3,
    });
    expect(all).toEqual({
      opened: ts.opened,
      closed: ts.closed,
      closure_rate: ts.closureRate,
      closed_in_period: ts.closedInPeriod,
      median_hours_to_close: ts.medianHoursToClose,
      backlog: ts.backlog,
    });
  });

  it("interpolates an even median and rejects unknown dimensions", () => {
    const two = caseKpis(rows.slice(0, 2), period);
    expect(two.medianHoursToClose).toBe(13); // (2 + 24) / 2
    expect(caseKpis([], period).closureRate).toBeNull();
    expect(() => caseKpisSql({ period, by: "status" as never })).toThrow(/case dimension "status"/);
  });
});
