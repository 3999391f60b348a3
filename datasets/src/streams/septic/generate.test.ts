import { describe, expect, it } from "vitest";
import { septic } from "./schema.ts";
import { generateSeptic, septicMonitors } from "./generate.ts";
import { SEPTIC_STEP_MS } from "./generate-anomalies.ts";
import { digestBatches } from "../../generators/batch-digest.ts";
import { rowsWhere, testContext, testSites, validationErrors } from "../../generators/test-support.ts";
import { monthOfDay, localDay } from "../../generators/time.ts";

const levels = (rows: Record<string, unknown>[]) => rows.map((r) => r.level_pct as number);

describe("generateSeptic", () => {
  const ctx = testContext("tiny");
  const batches = [...generateSeptic(ctx)];

  it("is deterministic: same seed → identical rows whatever the batch size; another seed differs", () => {
    const a = digestBatches(batches);
    expect(digestBatches(generateSeptic(testContext("tiny", 1, { batchSize: 1000 })))).toEqual(a);
    expect(digestBatches(generateSeptic(testContext("tiny", 2))).digest).not.toBe(a.digest);
  });

  it("emits rows that validate against the septic schema", () => {
    expect(validationErrors(septic, batches)).toEqual([]);
  });

  it("emits one row per monitor and 5 minutes, less the data gaps", () => {
    const steps = (ctx.end - ctx.start) / SEPTIC_STEP_MS;
    const gaps = ctx.groundTruth.filter((a) => a.kind === "data_gap");
    const missing = gaps.reduce((s, a) => s + (a.end - a.start) / SEPTIC_STEP_MS, 0);
    expect(batches.reduce((s, b) => s + b.length, 0)).toBe(septicMonitors(ctx).length * steps - missing);
    for (const g of gaps) {
      const rows = rowsWhere(batches, "monitor_id", g.site_id).filter(
        (r) => (r.ts as number) >= g.start && (r.ts as number) < g.end,
      );
      expect(rows).toEqual([]);
    }
  });

  it("injects one of each anomaly kind in tiny; a stuck sensor repeats one reading over its span", () => {
    expect(ctx.groundTruth.map((a) => a.kind).sort()).toEqual(["data_gap", "stuck_sensor", "tank_filling"]);
    const stuck = ctx.groundTruth.find((a) => a.kind === "stuck_sensor");
    const rows = rowsWhere(batches, "monitor_id", stuck?.site_id ?? "").filter(
      (r) => (r.ts as number) >= (stuck?.start ?? 0) && (r.ts as number) < (stuck?.end ?? 0),
    );
    expect(rows.length).toBe(((stuck?.end ?? 0) - (stuck?.start ?? 0)) / SEPTIC_STEP_MS);
    const values = new Set(rows.map(({ ts: _ts, ...rest }) => JSON.stringify(rest)));
    expect(values.size).toBe(1);
  });

  it("has a sawtooth: levels drop when pumped and stay below 90 % unless a tank is filling", () => {
    const month = testContext("tiny", 5, { days: 30 });
    const all = [...generateSeptic(month)];
    const filling = new Set(month.groundTruth.filter((a) => a.kind === "tank_filling").map((a) => a.site_id));
    for (const m of septicMonitors(month)) {
      const ls = levels(rowsWhere(all, "monitor_id", m.id));
      let drops = 0;
      for (let i = 12; i < ls.length; i++) if ((ls[i - 12] as number) - (ls[i] as number) > 30) drops++;
      expect(drops, m.id).toBeGreaterThan(0);
      if (!filling.has(m.id)) expect(Math.max(...ls), m.id).toBeLessThan(90);
    }
  });

  it("fills an unpumped tank past 90 % without a drop", () => {
    const fill = ctx.groundTruth.find((a) => a.kind === "tank_filling");
    const rows = rowsWhere(batches, "monitor_id", fill?.site_id ?? "").filter(
      (r) => (r.ts as number) >= (fill?.start ?? 0) && (r.ts as number) < (fill?.end ?? 0),
    );
    const ls = levels(rows);
    expect(Math.max(...ls)).toBeGreaterThan(90);
    for (let i = 1; i < ls.length; i++) expect((ls[i] as number) - (ls[i - 1] as number)).toBeGreaterThan(-2);
    const cross = Number(fill?.details?.crosses_90_at);
    expect(
      rows.filter((r) => (r.ts as number) >= cross + 3600_000).every((r) => (r.level_pct as number) > 90),
    ).toBe(true);
  });

  it("has more methane in summer heat than in winter", () => {
    const one = { ...testSites(), septicTanks: testSites().septicTanks.slice(0, 1) };
    const year = testContext("tiny", 1, { days: 365, sites: one });
    const rows = rowsWhere([...generateSeptic(year)], "monitor_id", one.septicTanks[0]?.id ?? "");
    const mean = (month: number) => {
      const rs = rows.filter((r) => monthOfDay(localDay(r.ts as number)) === month);
      return rs.reduce((s, r) => s + (r.ch4_lel as number), 0) / rs.length;
    };
    expect(mean(6)).toBeGreaterThan(1.4 * mean(0));
  });
});
