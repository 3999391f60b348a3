import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { fixtureStore, local, localMs, rowsOf, site } from "./extract-fixtures.test-support.ts";
import { alertsRecent, casesDaily, creditMonthly, exchangeDaily } from "./governance-extracts.ts";

const kase = (
  id: string,
  town: string,
  category: string,
  opened: string,
  closed: string | null,
  status: string,
) => ({
  case_id: id,
  app: "城管随手拍",
  category,
  town_code: town,
  lon: 105.8,
  lat: 30.1,
  opened_at: local(opened),
  closed_at: closed === null ? null : local(closed),
  status,
});

const credit = (e: string, town: string, month: string, rating: string, n: readonly number[]) => ({
  month,
  enterprise_id: e,
  town_code: town,
  rating,
  red_list: n[0],
  black_list: n[1],
  queries: n[2],
  joint_rewards: n[3],
  joint_punishments: n[4],
});

const exchange = (day: string, item: string, consumer: string, records: number, calls: number) => ({
  day,
  item_id: item,
  provider_unit: "P1",
  consumer_unit: consumer,
  records,
  calls,
});

const alert = (id: string, t: string, site: string | null, lon: number | null) => ({
  alert_id: id,
  ts: local(t),
  source: "septic",
  rule: "septic.level.high",
  severity: "major",
  site_id: site,
  town_code: null,
  lon,
  lat: lon === null ? null : 30,
  message: "液位过高",
  evidence: null,
  status: "open",
  updated_at: local(t),
  actor: null,
});

describe("governance extracts", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await fixtureStore(
      {
        cases: [
          kase("C1", "T1", "占道经营", "2026-03-01T09:00", "2026-03-01T12:00", "closed"),
          kase("C2", "T1", "占道经营", "2026-03-01T10:00", null, "processing"),
          kase("C3", "T1", "占道经营", "2026-03-01T11:00", "2026-03-01T11:30", "rejected"),
          kase("C4", "T1", "占道经营", "2026-03-01T23:30", "2026-03-02T05:30", "closed"),
          kase("C5", "T2", "垃圾", "2026-03-02T00:10", null, "open"),
        ],
        credit: [
          credit("E1", "T1", "2026-03-01", "A", [2, 0, 5, 1, 0]),
          credit("E2", "T1", "2026-03-01", "C", [0, 3, 2, 0, 2]),
          credit("E3", "T2", "2026-03-01", "A", [1, 0, 0, 0, 0]),
        ],
        exchange: [
          exchange("2026-03-01", "I1", "U1", 100, 2),
          exchange("2026-03-01", "I1", "U2", 50, 1),
          exchange("2026-03-01", "I2", "U1", 10, 1),
          exchange("2026-03-02", "I1", "U1", 5, 1),
        ],
        alerts: [
          alert("A1", "2026-03-31T10:00", null, 105.9),
          alert("A2", "2026-03-01T10:00", "SEP-1", null),
          alert("A3", "2026-03-01T09:59", null, 105.9),
        ],
      },
      { septicTanks: [site("SEP-1", "T9", 105.7, 30.3)] },
    );
  });
  afterAll(() => store.close());

  it("cases_daily: opened without rejected, closed and open of those, hours to close", async () => {
    const out = await rowsOf(store, casesDaily);
    // C4 opened 23:30 on 03-01 (local) counts on 03-01; C5 at 00:10 on 03-02.
    expect(out).toEqual([
      {
        day: "2026-03-01",
        town_code: "T1",
        app: "城管随手拍",
        category: "占道经营",
        opened: 3,
        closed: 2,
        open: 1,
        rejected: 1,
        closure_rate: 2 / 3,
        hours_to_close: 9,
        mean_hours_to_close: 4.5,
      },
      {
        day: "2026-03-02",
        town_code: "T2",
        app: "城管随手拍",
        category: "垃圾",
        opened: 1,
        closed: 0,
        open: 1,
        rejected: 0,
        closure_rate: 0,
        hours_to_close: null,
        mean_hours_to_close: null,
      },
    ]);
  });

  it("credit_monthly: ratings, lists and actions per month and town", async () => {
    const out = await rowsOf(store, creditMonthly);
    expect(out[0]).toEqual({
      month: "2026-03-01",
      town_code: "T1",
      enterprises: 2,
      rating_a: 1,
      rating_b: 0,
      rating_c: 1,
      rating_d: 0,
      red_enterprises: 1,
      red_entries: 2,
      black_enterprises: 1,
      black_entries: 3,
      queries: 7,
      joint_rewards: 1,
      joint_punishments: 2,
      joint_actions: 3,
    });
    expect(out[1]).toMatchObject({ town_code: "T2", enterprises: 1, rating_a: 1, red_entries: 1 });
  });

  it("exchange_daily: each unit's day as provider and as consumer", async () => {
    const out = await rowsOf(store, exchangeDaily);
    expect(out.map((r) => [r.day, r.role, r.unit, r.records, r.calls, r.items, r.partners])).toEqual([
      ["2026-03-01", "consumer", "U1", 110, 3, 2, 1],
      ["2026-03-01", "consumer", "U2", 50, 1, 1, 1],
      ["2026-03-01", "provider", "P1", 160, 4, 2, 2],
      ["2026-03-02", "consumer", "U1", 5, 1, 1, 1],
      ["2026-03-02", "provider", "P1", 5, 1, 1, 1],
    ]);
  });

  it("alerts_recent: 30 days back from the newest alert, newest first, placed by site", async () => {
    const out = await rowsOf(store, alertsRecent);
    // 03-31 10:00 − 30 days = 03-01 10:00: A2 is on the boundary (kept), A3 a minute before it.
    expect(out.map((r) => [r.alert_id, r.ts])).toEqual([
      ["A1", localMs("2026-03-31T10:00")],
      ["A2", localMs("2026-03-01T10:00")],
    ]);
    expect(out[1]).toMatchObject({ site_id: "SEP-1", town_code: "T9", lon: 105.7, lat: 30.3 });
    expect(out[0]).toMatchObject({ lon: 105.9, lat: 30, town_code: null });
  });
});
