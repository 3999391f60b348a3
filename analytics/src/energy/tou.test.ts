import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, storeWith } from "../kpi-common/test-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { reading } from "./energy-fixture.test-support.ts";
import type { TouSchedule } from "./tou-schedule.ts";
import { CHONGQING_TOU, touBand, touSpans } from "./tou-schedule.ts";
import { touShares, touSharesSql } from "./tou-shares.ts";

const at = (local: string) => `${local}:00+08:00`;

describe("touBand (Chongqing default)", () => {
  it("classifies Asia/Shanghai wall-clock times, windows end-exclusive", () => {
    const cases: [string, string][] = [
      ["00:00", "valley"],
      ["07:45", "valley"],
      ["08:00", "flat"],
      ["10:59", "flat"],
      ["11:00", "peak"],
      ["16:45", "peak"],
      ["17:00", "flat"],
      ["20:00", "peak"],
      ["21:45", "peak"],
      ["22:00", "flat"],
      ["23:59", "flat"],
    ];
    for (const [hhmm, band] of cases) expect([hhmm, touBand(at(`2026-03-01T${hhmm}`))]).toEqual([hhmm, band]);
    // 03:00 UTC is 11:00 in Tongnan.
    expect(touBand("2026-03-01T03:00:00Z")).toBe("peak");
    expect(CHONGQING_TOU.confirmed).toBe(false);
  });

  it("rejects overlapping, reversed and malformed windows", () => {
    const bad = (windows: TouSchedule["windows"]) => () => touSpans({ ...CHONGQING_TOU, windows });
    expect(
      bad([
        { band: "peak", from: "10:00", to: "12:00" },
        { band: "valley", from: "11:00", to: "13:00" },
      ]),
    ).toThrow(/overlap/);
    expect(bad([{ band: "peak", from: "12:00", to: "10:00" }])).toThrow(/"to" must be after "from"/);
    expect(bad([{ band: "peak", from: "7:00", to: "10:00" }])).toThrow(/expected "HH:MM"/);
  });

  it("accepts a custom schedule", () => {
    const s: TouSchedule = {
      id: "x",
      title: "x",
      confirmed: true,
      windows: [{ band: "valley", from: "22:00", to: "24:00" }],
      otherwise: "peak",
    };
    expect(touBand(at("2026-03-01T23:30"), s)).toBe("valley");
    expect(touBand(at("2026-03-01T03:00"), s)).toBe("peak");
  });
});

describe("touSharesSql", () => {
  // E1 (town T1): valley 10 (07:45), peak 30 (11:00), flat 20 (17:00), peak 40 (21:45) →
  //   peak 70, flat 20, valley 10 of 100. E2 (T2): flat 5 (08:00) and gas at 11:00 (ignored).
  //   A reading at 03-02 00:00 lies outside the period.
  const rows = [
    reading("E1", "T1", "electricity", "2026-03-01T07:45", 10),
    reading("E1", "T1", "electricity", "2026-03-01T11:00", 30),
    reading("E1", "T1", "electricity", "2026-03-01T17:00", 20),
    reading("E1", "T1", "electricity", "2026-03-01T21:45", 40),
    reading("E2", "T2", "electricity", "2026-03-01T08:00", 5),
    reading("E2", "T2", "gas", "2026-03-01T11:00", 500),
    reading("E2", "T2", "electricity", "2026-03-02T00:00", 99),
  ];
  const period = { start: "2026-03-01", end: "2026-03-02" };
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await storeWith("energy", rows);
  });
  afterAll(async () => {
    await store.close();
  });

  it("gives kWh and shares per enterprise, equal to the TS version", async () => {
    const got = await run(store, touSharesSql({ period, by: ["enterprise_id"] }));
    expect(got).toEqual([
      {
        enterprise_id: "E1",
        peak_kwh: 70,
        flat_kwh: 20,
        valley_kwh: 10,
        total_kwh: 100,
        peak_share: 0.7,
        flat_share: 0.2,
        valley_share: 0.1,
      },
      {
        enterprise_id: "E2",
        peak_kwh: 0,
        flat_kwh: 5,
        valley_kwh: 0,
        total_kwh: 5,
        peak_share: 0,
        flat_share: 1,
        valley_share: 0,
      },
    ]);
    const e1 = touShares(rows.filter((r) => r.enterprise_id === "E1"));
    expect(e1).toEqual({
      kwh: { peak: 70, flat: 20, valley: 10 },
      total: 100,
      share: { peak: 0.7, flat: 0.2, valley: 0.1 },
    });
  });

  it("gives one district row without grouping, and NULL shares for no electricity", async () => {
    const [all] = await run(store, touSharesSql({ period }));
    expect(all).toMatchObject({ total_kwh: 105, peak_kwh: 70 });
    const [none] = await run(store, touSharesSql({ period: { start: "2026-04-01", end: "2026-04-02" } }));
    expect(none).toMatchObject({ total_kwh: 0, peak_share: null });
    expect(touShares([]).share.peak).toBeNull();
    expect(() => touSharesSql({ period, by: ["value" as never] })).toThrow(/energy dimension "value"/);
  });
});
