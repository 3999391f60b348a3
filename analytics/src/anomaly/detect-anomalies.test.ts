import { afterAll, describe, expect, it } from "vitest";
import { defaultSites, makeContext, type GroundTruthAnomaly } from "@citybrain/datasets/generators";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { detectAnomalies } from "./detect-anomalies.ts";
import { detectMeterLeaks } from "./meter-leaks.ts";
import { storeWithGenerated } from "./generated-store.test-support.ts";
import { scoreDetections, type KindScore } from "./score-detections.ts";

const HOUR = 3_600_000;
const SEEDS = [42, 7];
const stores: DuckDBStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

function expectGood(scores: Map<string, KindScore>, kinds: readonly string[]): void {
  for (const kind of kinds) {
    const s = scores.get(kind);
    expect(s, `no truths of ${kind}`).toBeDefined();
    expect({ kind, precision: s?.precision, recall: s?.recall }).toEqual({
      kind,
      precision: expect.toSatisfy((p: number) => p >= 0.9),
      recall: expect.toSatisfy((r: number) => r >= 0.9),
    });
  }
}

describe("anomaly detection against the generators' labelled anomalies", () => {
  it.each(SEEDS)(
    "tiny preset, seed %i: every kind it can hold is found with precision and recall ≥ 0.9",
    async (seed) => {
      const ctx = makeContext({ preset: "tiny", seed });
      const store = await storeWithGenerated(ctx, ["energy", "septic", "air", "traffic"]);
      stores.push(store);
      const found = (await detectAnomalies(store)).filter((d) => d.kind !== "consumption_anomaly");
      // Two days hold at most one leaky night: leaks need several nights against a baseline of
      // normal nights, so they are scored on the demo slice below.
      const truth = ctx.groundTruth.filter((t) => t.kind !== "meter_leak");
      const scores = scoreDetections(found, truth, { tolerance: HOUR });
      expect([...scores.keys()]).toEqual(["data_gap", "stuck_sensor", "tank_filling", "traffic_jam"]);
      expectGood(scores, [...scores.keys()]);
    },
  );

  it("demo preset, a slice of 24 enterprises over 90 days: leaks and energy gaps", async () => {
    const seed = 42;
    const sites = defaultSites(seed);
    const ctx = makeContext({
      preset: "demo",
      seed,
      sites: { ...sites, enterprises: sites.enterprises.slice(0, 24) },
    });
    const store = await storeWithGenerated(ctx, ["energy"]);
    stores.push(store);
    const truth: GroundTruthAnomaly[] = ctx.groundTruth;
    expect(truth.filter((t) => t.kind === "meter_leak").length).toBeGreaterThanOrEqual(3);
    const found = await detectAnomalies(store, {
      config: { gaps: { energy: 3, septic: 3, air: 1 }, stuck: [], activityGaps: [], outliers: [] },
    });
    const scores = scoreDetections(found, truth, { tolerance: HOUR });
    expectGood(scores, ["meter_leak", "data_gap"]);
    // A leak is found within two nights of its onset.
    const leaks = await detectMeterLeaks(store);
    for (const t of truth.filter((x) => x.kind === "meter_leak")) {
      const d = leaks.find((x) => x.site_id === t.site_id);
      expect(d && d.start - t.start).toBeLessThan(2 * 24 * HOUR);
    }
  });
});
