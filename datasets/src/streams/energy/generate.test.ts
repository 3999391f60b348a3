import { describe, expect, it } from "vitest";
import { energy } from "./schema.ts";
import { ENERGY_STEP_MS, energyMeters, generateEnergy } from "./generate.ts";
import { digestBatches } from "../../generators/batch-digest.ts";
import { localTimeOfDay, HOUR_MS, localDay } from "../../generators/time.ts";
import { rowsWhere, testContext, validationErrors } from "../../generators/test-support.ts";

describe("generateEnergy", () => {
  const ctx = testContext("tiny");
  const batches = [...generateEnergy(ctx)];

  it("is deterministic: same seed → identical rows whatever the batch size; another seed differs", () => {
    const a = digestBatches(batches);
    expect(digestBatches(generateEnergy(testContext("tiny", 1, { batchSize: 333 })))).toEqual(a);
    expect(digestBatches(generateEnergy(testContext("tiny", 2))).digest).not.toBe(a.digest);
  });

  it("emits rows that validate against the energy schema, in batches of ctx.batchSize", () => {
    expect(validationErrors(energy, batches)).toEqual([]);
    expect(batches.slice(0, -1).every((b) => b.length === ctx.batchSize)).toBe(true);
  });

  it("emits one row per meter and interval, less the data gaps", () => {
    const meters = energyMeters(ctx);
    const intervals = (ctx.end - ctx.start) / ENERGY_STEP_MS;
    const gaps = ctx.groundTruth
      .filter((a) => a.kind === "data_gap")
      .reduce((s, a) => s + (a.end - a.start) / ENERGY_STEP_MS, 0);
    expect(meters.length).toBeGreaterThanOrEqual(8);
    expect(batches.reduce((s, b) => s + b.length, 0)).toBe(meters.length * intervals - gaps);
  });

  it("puts day-shift enterprises' workday 10:00 above their 03:00", () => {
    const dayShift = energyMeters(ctx).filter(
      (m) => m.carrier === "electricity" && (m.profile === "shift1" || m.profile === "shift2"),
    );
    expect(dayShift.length).toBeGreaterThan(0);
    for (const m of dayShift) {
      const rows = rowsWhere(batches, "meter_id", m.id);
      const at = (h: number) => rows.filter((r) => localTimeOfDay(r.ts as number) === h * HOUR_MS);
      const mean = (rs: Record<string, unknown>[]) =>
        rs.reduce((s, r) => s + (r.value as number), 0) / rs.length;
      expect(mean(at(10)), m.id).toBeGreaterThan(1.5 * mean(at(3)));
    }
  });

  it("records one leak and one gap in tiny; the gap has no rows", () => {
    expect(ctx.groundTruth.map((a) => a.kind).sort()).toEqual(["data_gap", "meter_leak"]);
    const gap = ctx.groundTruth.find((a) => a.kind === "data_gap");
    const rows = rowsWhere(batches, "meter_id", gap?.site_id ?? "");
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.filter((r) => (r.ts as number) >= (gap?.start ?? 0) && (r.ts as number) < (gap?.end ?? 0)),
    ).toEqual([]);
  });

  it("raises a leaking water meter's night baseline and keeps it high", () => {
    const long = testContext("tiny", 3, { days: 12 });
    const all = [...generateEnergy(long)];
    const leak = long.groundTruth.find((a) => a.kind === "meter_leak");
    expect(leak?.end).toBe(long.end);
    const rows = rowsWhere(all, "meter_id", leak?.site_id ?? "");
    const night = rows.filter((r) => localTimeOfDay(r.ts as number) < 5 * HOUR_MS);
    const leakDay = localDay(leak?.start ?? 0);
    const mean = (rs: Record<string, unknown>[]) =>
      rs.reduce((s, r) => s + (r.value as number), 0) / rs.length;
    const before = night.filter((r) => localDay(r.ts as number) < leakDay);
    const after = night.filter((r) => localDay(r.ts as number) > leakDay);
    expect(before.length).toBeGreaterThan(0);
    expect(mean(after)).toBeGreaterThan(1.8 * mean(before));
    const extra = Number(leak?.details?.extra_per_interval);
    expect(
      rows.filter((r) => (r.ts as number) >= (leak?.start ?? 0)).every((r) => (r.value as number) >= extra),
    ).toBe(true);
  });
});
