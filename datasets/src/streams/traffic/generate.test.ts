import { describe, expect, it } from "vitest";
import { traffic } from "./schema.ts";
import { generateTraffic, trafficCameras } from "./generate.ts";
import { digestBatches } from "../../generators/batch-digest.ts";
import { rowsWhere, testContext, validationErrors } from "../../generators/test-support.ts";
import { HOUR_MS, MINUTE_MS, localTimeOfDay } from "../../generators/time.ts";

type Row = Record<string, unknown>;
const sum = (rows: Row[]) => rows.reduce((s, r) => s + (r.count as number), 0);
const hourOf = (r: Row) => localTimeOfDay(r.ts as number) / HOUR_MS;

describe("generateTraffic", () => {
  const ctx = testContext("tiny");
  const batches = [...generateTraffic(ctx)];
  const cams = trafficCameras(ctx);

  it("is deterministic: same seed → identical rows; another seed differs", () => {
    const a = digestBatches(batches);
    expect(digestBatches(generateTraffic(testContext("tiny", 1, { batchSize: 999 })))).toEqual(a);
    expect(digestBatches(generateTraffic(testContext("tiny", 2))).digest).not.toBe(a.digest);
  });

  it("emits valid rows, only minutes with crossings, within the possible row count", () => {
    expect(validationErrors(traffic, batches)).toEqual([]);
    const rows = batches.reduce((s, b) => s + b.length, 0);
    const slots = cams.reduce((s, c) => s + c.lines.length * 2 * 6, 0) * ((ctx.end - ctx.start) / MINUTE_MS);
    expect(rows).toBeLessThan(slots);
    expect(rows).toBeGreaterThan(0.1 * slots);
    expect(batches.every((b) => (b.columns.count as Int32Array).every((n) => n > 0))).toBe(true);
  });

  it("has a workday morning peak 07:30–09:00 far above the night at an urban camera", () => {
    const urban = cams.find((c) => c.category === "urban");
    const cars = rowsWhere(batches, "camera_id", urban?.camera.id ?? "").filter((r) => r.class === "car");
    const peak = sum(cars.filter((r) => hourOf(r) >= 7.5 && hourOf(r) < 9)) / 1.5;
    const night = sum(cars.filter((r) => hourOf(r) >= 2 && hourOf(r) < 5)) / 3;
    expect(peak).toBeGreaterThan(8 * night);
    expect(peak / 2 / 60 / 2).toBeGreaterThan(3); // cars per minute per direction and day
  });

  it("drops counts and collapses speeds during a jam; a data gap has no rows", () => {
    const jam = ctx.groundTruth.find((a) => a.kind === "traffic_jam");
    const rows = rowsWhere(batches, "camera_id", jam?.site_id ?? "").filter(
      (r) =>
        r.line_id === "L1" && (r.ts as number) >= (jam?.start ?? 0) && (r.ts as number) < (jam?.end ?? 0),
    );
    const motor = rows.filter((r) => r.class !== "person" && r.class !== "bicycle");
    const jammed = motor.filter((r) => r.direction === jam?.details?.direction);
    const other = motor.filter((r) => r.direction !== jam?.details?.direction);
    expect(jammed.length).toBeGreaterThan(0);
    expect(jammed.every((r) => (r.mean_speed_kmh as number) <= 12)).toBe(true);
    expect(Math.min(...other.map((r) => r.mean_speed_kmh as number))).toBeGreaterThan(12);
    expect(sum(jammed)).toBeLessThan(0.6 * sum(other));
    const gap = ctx.groundTruth.find((a) => a.kind === "data_gap");
    const inGap = rowsWhere(batches, "camera_id", gap?.site_id ?? "").filter(
      (r) => (r.ts as number) >= (gap?.start ?? 0) && (r.ts as number) < (gap?.end ?? 0),
    );
    expect(inGap).toEqual([]);
  });
});
