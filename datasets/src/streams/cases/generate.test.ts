import { describe, expect, it } from "vitest";
import { cases } from "./schema.ts";
import { generateCases } from "./generate.ts";
import { digestBatches } from "../../generators/batch-digest.ts";
import { batchToRows } from "../../schema/index.ts";
import { presetOf } from "../../generators/presets.ts";
import { runDays } from "../../generators/run-days.ts";
import { testContext, validationErrors } from "../../generators/test-support.ts";
import { HOUR_MS, localTimeOfDay } from "../../generators/time.ts";

describe("generateCases", () => {
  const ctx = testContext("tiny");
  const batches = [...generateCases(ctx)];
  const month = testContext("tiny", 1, { days: 30 });
  const rows = [...generateCases(month)].flatMap(batchToRows);

  it("is deterministic: same seed → identical rows; another seed differs", () => {
    const a = digestBatches(batches);
    expect(digestBatches(generateCases(testContext("tiny", 1, { batchSize: 50 })))).toEqual(a);
    expect(digestBatches(generateCases(testContext("tiny", 2))).digest).not.toBe(a.digest);
  });

  it("emits valid rows with unique ids, as many as the Poisson rate predicts", () => {
    expect(validationErrors(cases, batches)).toEqual([]);
    const run = runDays(month.seed, month.start, month.end);
    const weights = [1, 0.8, 0.75, 0.65];
    const expected = [...run.dayType].reduce(
      (s, t) => s + presetOf("tiny").casesPerDay * (weights[t] as number),
      0,
    );
    expect(Math.abs(rows.length - expected)).toBeLessThan(5 * Math.sqrt(expected));
    expect(new Set(rows.map((r) => r.case_id)).size).toBe(rows.length);
  });

  it("arrives mostly by day and closes after log-normal times, some still open at the end", () => {
    const hour = (r: Record<string, unknown>) => localTimeOfDay(r.opened_at as number) / HOUR_MS;
    const morning = rows.filter((r) => hour(r) >= 9 && hour(r) < 11).length / 2;
    const night = rows.filter((r) => hour(r) >= 2 && hour(r) < 5).length / 3;
    expect(morning).toBeGreaterThan(5 * night);
    const open = rows.filter((r) => r.closed_at === null);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => ["open", "assigned", "processing"].includes(r.status as string))).toBe(true);
    expect(
      rows
        .filter((r) => r.closed_at !== null)
        .every((r) => (r.closed_at as number) > (r.opened_at as number)),
    ).toBe(true);
    const median = (category: string) => {
      const xs = rows
        .filter((r) => r.category === category && r.status === "closed")
        .map((r) => (r.closed_at as number) - (r.opened_at as number))
        .sort((a, b) => a - b);
      return xs[Math.floor(xs.length / 2)] as number;
    };
    expect(median("违规停车")).toBeLessThan(median("道路破损"));
    expect(rows.filter((r) => r.app === "城管随手拍").length).toBeGreaterThan(0.35 * rows.length);
  });
});
