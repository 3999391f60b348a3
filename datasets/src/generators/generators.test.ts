import { Table, tableFromIPC, tableToIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { toRecordBatch, type StreamDef } from "../schema/index.ts";
import { STREAMS, STREAM_NAMES } from "../streams/index.ts";
import { GENERATORS, anomaliesOf } from "./generators.ts";
import { PRESETS } from "./presets.ts";
import { makeContext } from "./context.ts";
import { testContext, testSites } from "./test-support.ts";
import { dateOfDay, localDay } from "./time.ts";

describe("GENERATORS", () => {
  it("has a generator for every stream whose batches carry exactly the schema's columns", () => {
    const ctx = testContext("tiny");
    for (const name of STREAM_NAMES) {
      const first = GENERATORS[name](ctx)[Symbol.iterator]().next();
      expect(first.done, name).toBe(false);
      expect(Object.keys(first.value?.columns ?? {}), name).toEqual(Object.keys(STREAMS[name].fields));
    }
  });

  it("writes every stream's batches as Arrow that reads back (one dictionary per field)", () => {
    const ctx = testContext("tiny", 1, { batchSize: 200 });
    for (const name of STREAM_NAMES) {
      const batches = [...GENERATORS[name](ctx)].slice(0, 2).map((b) =>
        // The union of the eight stream types does not fit one generic parameter.
        toRecordBatch(STREAMS[name] as unknown as StreamDef, b),
      );
      const table = tableFromIPC(tableToIPC(new Table(batches), "stream"));
      expect(table.numRows, name).toBe(batches.reduce((s, b) => s + b.numRows, 0));
      const dict = Object.entries(STREAMS[name].fields).find(([, f]) => f.dictionary)?.[0] ?? "";
      expect(table.getChild(dict)?.get(table.numRows - 1), `${name}.${dict}`).toBeTypeOf("string");
    }
  });

  it("records exactly the planned anomalies, at least one of each kind in tiny", () => {
    const ctx = testContext("tiny");
    for (const name of STREAM_NAMES) for (const _batch of GENERATORS[name](ctx));
    expect(ctx.groundTruth).toEqual(anomaliesOf(testContext("tiny")));
    const kinds = new Set(ctx.groundTruth.map((a) => `${a.stream}/${a.kind}`));
    expect([...kinds].sort()).toEqual([
      "air/data_gap",
      "air/stuck_sensor",
      "energy/data_gap",
      "energy/meter_leak",
      "septic/data_gap",
      "septic/stuck_sensor",
      "septic/tank_filling",
      "traffic/data_gap",
      "traffic/traffic_jam",
    ]);
    expect(ctx.groundTruth.every((a) => a.start >= ctx.start && a.end <= ctx.end && a.start < a.end)).toBe(
      true,
    );
  });

  it("plans a handful of each anomaly in demo, placed by the seed alone", () => {
    const a = anomaliesOf(testContext("demo", 9));
    expect(a).toEqual(anomaliesOf(testContext("demo", 9)));
    expect(a).not.toEqual(anomaliesOf(testContext("demo", 10)));
    const counts = PRESETS.demo.anomalies;
    const total = Object.values(counts)
      .flatMap((c: Record<string, number>) => Object.values(c))
      .reduce((s, n) => s + n, 0);
    expect(a).toHaveLength(total);
  });
});

describe("makeContext", () => {
  it("uses fixed ends, never the wall clock, and an explicit end when given", () => {
    const demo = makeContext({ preset: "demo", seed: 1, sites: testSites() });
    expect(dateOfDay(localDay(demo.end - 1))).toBe("2026-11-24");
    expect((demo.end - demo.start) / 86_400_000).toBe(90);
    const tiny = makeContext({ preset: "tiny", seed: 1, sites: testSites(), end: "2026-03-10" });
    expect(dateOfDay(localDay(tiny.start))).toBe("2026-03-08");
    expect(tiny.batchSize).toBe(PRESETS.tiny.batchSize);
    expect(() => makeContext({ preset: "tiny", seed: 1, sites: testSites(), end: "yesterday" })).toThrow(
      /YYYY-MM-DD/,
    );
  });
});
