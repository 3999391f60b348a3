import { describe, expect, it } from "vitest";
import { credit } from "./schema.ts";
import { creditEnterprises, creditMonths, generateCredit } from "./generate.ts";
import { digestBatches } from "../../generators/batch-digest.ts";
import { batchToRows } from "../../schema/index.ts";
import { testContext, validationErrors } from "../../generators/test-support.ts";

describe("generateCredit", () => {
  const ctx = testContext("tiny");
  const batches = [...generateCredit(ctx)];

  it("is deterministic and seed-dependent", () => {
    const a = digestBatches(batches);
    expect(digestBatches(generateCredit(testContext("tiny", 1, { batchSize: 5 })))).toEqual(a);
    expect(digestBatches(generateCredit(testContext("tiny", 2))).digest).not.toBe(a.digest);
  });

  it("emits one valid row per enterprise and month overlapping the run", () => {
    expect(validationErrors(credit, batches)).toEqual([]);
    expect(creditMonths(ctx.start, ctx.end)).toHaveLength(1);
    expect(batches.reduce((s, b) => s + b.length, 0)).toBe(creditEnterprises(ctx).length);
    const year = testContext("tiny", 1, { days: 365 });
    const rows = [...generateCredit(year)].flatMap(batchToRows);
    expect(rows).toHaveLength(13 * creditEnterprises(year).length); // 25 Nov 2025 … 24 Nov 2026
    expect(rows[0]?.month).toBe("2025-11-01");
  });

  it("keeps a month's values whatever span is generated, and ties lists to ratings", () => {
    const year = [...generateCredit(testContext("tiny", 1, { days: 365 }))].flatMap(batchToRows);
    const last = year.filter((r) => r.month === "2026-11-01");
    expect(last).toEqual(batches.flatMap(batchToRows));
    expect(year.filter((r) => (r.black_list as number) > 0).every((r) => r.rating !== "A")).toBe(true);
    expect(new Set(year.map((r) => r.rating)).size).toBeGreaterThanOrEqual(3);
  });
});
