import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore } from "../store/duckdb-store.ts";
import { detectMeterLeaks } from "./meter-leaks.ts";
import { detectSeasonalOutliers } from "./seasonal-outliers.ts";

const DAY = 86_400_000;
const Q = 15 * 60_000;
/** 2026-03-02 00:00 Asia/Shanghai, a Monday, 6 weeks without public holidays. */
const T0 = Date.UTC(2026, 2, 1, 16, 0);
const DAYS = 42;
const SPIKE = { from: T0 + 38 * DAY + 10 * 3_600_000, to: T0 + 38 * DAY + 12 * 3_600_000 }; // Wed 10:00–12:00
const LEAK_DAY = 30; // the water meter leaks 1.5 t per interval from day 30, 15:00

/** Deterministic noise in [-1, 1). */
function noise(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return 2 * (x - Math.floor(x)) - 1;
}

function meter(id: string, carrier: "electricity" | "water", value: (t: number, i: number) => number) {
  const rows = [];
  for (let i = 0; i < DAYS * 96; i++) {
    const t = T0 + i * Q;
    rows.push({
      ts: t,
      meter_id: id,
      enterprise_id: id.slice(0, 8),
      industry: "equipment",
      town_code: "500152001",
      carrier,
      value: Math.max(0, Math.round(value(t, i) * 1000) / 1000),
    });
  }
  return rows;
}

/** A day-shift plant: 10 by day on working days, 2 at night and at weekends, ±5 % noise. */
function plant(t: number, i: number): number {
  const hour = Math.floor(((t - T0) % DAY) / 3_600_000);
  const weekend = Math.floor((t - T0) / DAY) % 7 >= 5;
  const base = !weekend && hour >= 8 && hour < 18 ? 10 : 2;
  return base * (1 + 0.05 * noise(i));
}

describe("energy detectors on hand-made series", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
    const spiky = meter(
      "ENT-9001-E",
      "electricity",
      (t, i) => plant(t, i) * (t >= SPIKE.from && t < SPIKE.to ? 2 : 1),
    );
    const leaky = meter(
      "ENT-9001-W",
      "water",
      (t, i) => plant(t, i + 7) + (t >= T0 + LEAK_DAY * DAY + 15 * 3_600_000 ? 1.5 : 0),
    );
    await store.ingest("energy", [...spiky, ...leaky], { batchId: "energy" });
  });
  afterAll(async () => {
    await store.close();
  });

  it("flags the two doubled working-day hours against their hour-of-day baseline, and nothing else", async () => {
    const found = await detectSeasonalOutliers(store, {
      stream: "energy",
      field: "value",
      where: "carrier = 'electricity'",
    });
    expect(found.map((d) => [d.site_id, d.start, d.end, d.details.readings])).toEqual([
      ["ENT-9001-E", SPIKE.from, SPIKE.to, 8],
    ]);
    expect(found[0]?.score).toBeGreaterThan(6);
  });

  it("finds the leak from the first raised night, and the plant's electricity meter stays quiet", async () => {
    const leaks = await detectMeterLeaks(store, { carriers: ["water", "electricity"] });
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({
      kind: "meter_leak",
      site_id: "ENT-9001-W",
      start: T0 + (LEAK_DAY + 1) * DAY,
      end: T0 + DAYS * DAY,
      details: { nights: DAYS - LEAK_DAY - 1 },
    });
  });
});
