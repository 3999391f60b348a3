import { describe, expect, it } from "vitest";
import { alerts } from "./schema.ts";
import { generateAlerts } from "./generate.ts";
import { alertFor } from "./generate-anomaly-alerts.ts";
import { digestBatches } from "../../generators/batch-digest.ts";
import { batchToRows } from "../../schema/index.ts";
import { testContext, validationErrors } from "../../generators/test-support.ts";
import { generateEnergy } from "../energy/generate.ts";
import { generateSeptic } from "../septic/generate.ts";
import { generateAir } from "../air/generate.ts";
import { generateTraffic } from "../traffic/generate.ts";

describe("generateAlerts", () => {
  const ctx = testContext("demo", 1, { days: 30 });
  const batches = [...generateAlerts(ctx)];
  const rows = batches.flatMap(batchToRows);

  it("is deterministic and seed-dependent", () => {
    const a = digestBatches(batches);
    expect(digestBatches(generateAlerts(testContext("demo", 1, { days: 30, batchSize: 3 })))).toEqual(a);
    expect(digestBatches(generateAlerts(testContext("demo", 2, { days: 30 }))).digest).not.toBe(a.digest);
  });

  it("emits valid rows in time order and records no ground truth itself", () => {
    expect(validationErrors(alerts, batches)).toEqual([]);
    expect(rows.map((r) => r.ts)).toEqual(rows.map((r) => r.ts as number).sort((x, y) => x - y));
    expect(ctx.groundTruth).toEqual([]);
    expect(
      rows.filter((r) => r.status !== "open").every((r) => (r.updated_at as number) >= (r.ts as number)),
    ).toBe(true);
  });

  it("has one alert per injected anomaly detected before the end, at its site, after its start", () => {
    const tiny = testContext("tiny");
    for (const gen of [generateEnergy, generateSeptic, generateAir, generateTraffic])
      for (const _ of gen(tiny));
    const history = [...generateAlerts(testContext("tiny"))].flatMap(batchToRows);
    const expected = tiny.groundTruth.filter((a) => alertFor(a, tiny.end) !== undefined);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    for (const a of expected) {
      const alert = history.find((r) => r.alert_id === `ALT-${a.id}`);
      expect(alert?.site_id, a.id).toBe(a.site_id);
      expect(alert?.ts as number).toBeGreaterThanOrEqual(a.start);
    }
    expect(history.filter((r) => r.source !== "vision")).toHaveLength(expected.length);
  });

  it("adds a few vision events a day", () => {
    const vision = rows.filter((r) => r.source === "vision");
    expect(vision.length).toBeGreaterThan(30);
    expect(vision.length).toBeLessThan(200);
    expect(vision.every((r) => String(r.evidence).startsWith("snapshots/"))).toBe(true);
  });
});
