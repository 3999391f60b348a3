import { describe, expect, it } from "vitest";
import { air } from "./schema.ts";
import { airStations, generateAir } from "./generate.ts";
import { digestBatches } from "../../generators/batch-digest.ts";
import { rowsWhere, testContext, testSites, validationErrors } from "../../generators/test-support.ts";
import { HOUR_MS, localDay, localTimeOfDay, monthOfDay } from "../../generators/time.ts";

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe("generateAir", () => {
  const ctx = testContext("tiny");
  const batches = [...generateAir(ctx)];

  it("is deterministic: same seed → identical rows; another seed differs", () => {
    const a = digestBatches(batches);
    expect(digestBatches(generateAir(testContext("tiny", 1, { batchSize: 7 })))).toEqual(a);
    expect(digestBatches(generateAir(testContext("tiny", 2))).digest).not.toBe(a.digest);
  });

  it("emits valid rows, one per station and hour less the gaps", () => {
    expect(validationErrors(air, batches)).toEqual([]);
    const gaps = ctx.groundTruth.filter((a) => a.kind === "data_gap");
    const missing = gaps.reduce((s, a) => s + (a.end - a.start) / HOUR_MS, 0);
    expect(batches.reduce((s, b) => s + b.length, 0)).toBe(airStations(ctx).length * 48 - missing);
    for (const g of gaps) {
      const rows = rowsWhere(batches, "station_id", g.site_id);
      expect(rows.filter((r) => (r.ts as number) >= g.start && (r.ts as number) < g.end)).toEqual([]);
    }
  });

  it("repeats one record over a stuck sensor's span", () => {
    const stuck = ctx.groundTruth.find((a) => a.kind === "stuck_sensor");
    const rows = rowsWhere(batches, "station_id", stuck?.site_id ?? "").filter(
      (r) => (r.ts as number) >= (stuck?.start ?? 0) && (r.ts as number) < (stuck?.end ?? 0),
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map(({ ts: _ts, ...rest }) => JSON.stringify(rest))).size).toBe(1);
  });

  it("has PM2.5 winter episodes and summer afternoon O3", () => {
    const one = { ...testSites(), ecoStations: testSites().ecoStations.slice(0, 1) };
    const year = testContext("tiny", 1, { days: 365, sites: one });
    const rows = rowsWhere([...generateAir(year)], "station_id", one.ecoStations[0]?.id ?? "");
    const month = (m: number) => rows.filter((r) => monthOfDay(localDay(r.ts as number)) === m);
    const pm = (rs: Record<string, unknown>[]) => mean(rs.map((r) => r.pm25 as number));
    expect(pm([...month(11), ...month(0)])).toBeGreaterThan(2.5 * pm([...month(6), ...month(7)]));
    expect(Math.max(...month(0).map((r) => r.pm25 as number))).toBeGreaterThan(115);
    const at = (h: number) => month(6).filter((r) => localTimeOfDay(r.ts as number) === h * HOUR_MS);
    expect(mean(at(15).map((r) => r.o3 as number))).toBeGreaterThan(100);
    expect(mean(at(15).map((r) => r.o3 as number))).toBeGreaterThan(
      3 * mean(at(5).map((r) => r.o3 as number)),
    );
    expect(mean(month(6).map((r) => r.o3 as number))).toBeGreaterThan(
      mean(month(0).map((r) => r.o3 as number)),
    );
  });
});
