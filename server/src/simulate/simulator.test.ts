import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore, defaultAlertRules, type IngestResult } from "@citybrain/analytics";
import { anomaliesOf, makeContext } from "@citybrain/datasets/generators";
import { EventHub, type HubEvent } from "../events/event-hub.ts";
import { parseWindowBatchId, windowBatchId } from "./chunk-grid.ts";
import { SimulateGuardError, isDemoStore, markDemoStore } from "./demo-store.ts";
import { Simulator } from "./simulator.ts";
import type { SimulatorOptions } from "./simulator-options.ts";

const HOUR = 3_600_000;
const SEED = 42;
const history = makeContext({ preset: "tiny", seed: SEED });
const T0 = history.end;

async function demoStore(): Promise<DuckDBStore> {
  const store = await DuckDBStore.open({ path: ":memory:", threads: 2 });
  await markDemoStore(store, { preset: "tiny", seed: SEED });
  return store;
}

function drain(hub: EventHub): () => Promise<HubEvent[]> {
  const sub = hub.subscribe();
  return async () => {
    const got: HubEvent[] = [];
    const next = () =>
      Promise.race([sub.next(), new Promise<HubEvent[]>((r) => setTimeout(() => r([]), 10))]);
    for (let batch = await next(); batch.length > 0; batch = await next()) got.push(...batch);
    return got;
  };
}

const sim = (options: Partial<SimulatorOptions> & Pick<SimulatorOptions, "store">) =>
  new Simulator({ preset: "tiny", seed: SEED, ...options });

describe("Simulator", () => {
  let store: DuckDBStore;
  const hub = new EventHub({ clientQueue: 100_000 });
  const events = drain(hub);
  const results: IngestResult[] = [];
  let live: Simulator;

  beforeAll(async () => {
    store = await demoStore();
    // A fake real clock: every tick is one real second later, 2 simulated hours at speed 7200.
    let real = 0;
    live = sim({
      store,
      hub,
      speed: 7200,
      tickMs: 5,
      now: () => (real += 1000),
      onIngested: (r) => results.push(r),
    });
    await live.start();
    while (live.state().ticks < 12) await new Promise((r) => setTimeout(r, 5));
    await live.stop();
  });
  afterAll(async () => {
    await store.close();
  });

  it("feeds every stream through the ingest path, in increasing time, after the history's end", async () => {
    for (const stream of ["energy", "traffic", "septic", "air", "cases"] as const) {
      const ranges = results.filter((r) => r.stream === stream && r.timeRange).map((r) => r.timeRange);
      expect(ranges.length, stream).toBeGreaterThan(3);
      for (let i = 1; i < ranges.length; i++)
        expect(ranges[i]?.[1], stream).toBeGreaterThan(ranges[i - 1]?.[1] as number);
    }
    for (const stream of ["energy", "traffic", "septic", "air"] as const) {
      const [row] = await store.query(
        `SELECT epoch_ms(min(ts)) AS lo, epoch_ms(max(ts)) AS hi FROM ${stream}`,
      );
      expect(row?.lo, stream).toBe(T0);
      expect(row?.hi as number, stream).toBeGreaterThan(T0 + 12 * HOUR);
    }
    const kpi = (await events()).filter((e) => e.type === "kpi");
    expect(kpi.length).toBeGreaterThan(3);
    expect(kpi.at(-1)?.data).toMatchObject({ traffic: { vehicles: expect.any(Number) as number } });
    expect(live.state()).toMatchObject({ running: false, errors: 0 });
  });

  it("makes replays no-ops: the same window again, and a restarted simulator resuming after it", async () => {
    const first = results.find((r) => r.stream === "septic");
    const window = parseWindowBatchId(first?.batchId ?? "");
    if (!window) throw new Error(`not a window batch id: ${first?.batchId}`);
    expect(first?.batchId).toBe(windowBatchId("septic", T0, window.end));
    const rows = live.windowRows("septic", T0, window.end);
    const again = await store.ingest("septic", rows, { batchId: first?.batchId ?? "" });
    expect([again.replayed, again.accepted, rows.length]).toEqual([true, 0, first?.accepted]);
    const before = await store.count("septic");
    const fed = live.state().fedUntil as string;
    const ruleIds = defaultAlertRules().rules.map((r) => `'${r.id}'`);
    const open = `SELECT count(*) AS n FROM alerts WHERE status <> 'closed' AND rule IN (${ruleIds.join(", ")})`;
    const openBefore = Number((await store.query(open))[0]?.n);
    const written: string[] = [];
    const restarted = sim({ store, onIngested: (r) => written.push(r.batchId) });
    await restarted.step(Date.parse(fed));
    expect(await store.count("septic")).toBe(before);
    // Nothing fed twice; the alerts the first run's rules left open are closed (their state is gone).
    expect(openBefore).toBeGreaterThan(0);
    expect(written).toEqual([windowBatchId("alerts", Date.parse(fed), Date.parse(fed), "restart")]);
    expect((await store.query(open))[0]?.n).toBe(0);
  });

  it("refuses a store that is not marked as a demo store unless forced", async () => {
    const plain = await DuckDBStore.open({ path: ":memory:", threads: 1 });
    try {
      expect(await isDemoStore(plain)).toBe(false);
      await expect(sim({ store: plain }).start()).rejects.toThrow(SimulateGuardError);
      await expect(sim({ store: plain }).step(T0 + HOUR)).rejects.toThrow(/no store_meta row demo = true/);
      expect(await plain.count("septic")).toBe(0);
      await sim({ store: plain, force: true, streams: ["septic"] }).step(T0 + HOUR);
      expect(await plain.count("septic")).toBeGreaterThan(0);
    } finally {
      await plain.close();
    }
  });
});

describe("Simulator alerts", () => {
  it("raises the live filling tank's level alert, escalates it and closes it after the pump-out", async () => {
    const store = await demoStore();
    const hub = new EventHub({ clientQueue: 100_000 });
    const events = drain(hub);
    try {
      const day = makeContext({ preset: "tiny", seed: SEED, start: T0, end: T0 + 24 * HOUR });
      const filling = anomaliesOf(day).find((a) => a.kind === "tank_filling");
      if (!filling) throw new Error("the live plan has no filling tank");
      const s = sim({ store, hub, streams: ["septic"] });
      for (let t = T0 + HOUR; t <= filling.end + 3 * HOUR; t += HOUR) await s.step(t);
      const rows = await store.query(
        "SELECT status, severity, epoch_ms(ts) AS ts, epoch_ms(updated_at) AS updated FROM alerts WHERE rule = 'septic.level' AND site_id = ?",
        [filling.site_id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: "closed", severity: "major" });
      expect(rows[0]?.ts as number).toBeGreaterThan(filling.start);
      expect(rows[0]?.updated as number).toBeGreaterThan(filling.end);
      const changes = (await events())
        .filter((e) => e.type === "alert")
        .map((e) => e.data as { rule: string; site_id: string; change: string })
        .filter((a) => a.rule === "septic.level" && a.site_id === filling.site_id)
        .map((a) => a.change);
      expect(changes).toEqual(["new", "escalated", "cleared"]);
    } finally {
      await store.close();
    }
  });

  it("stops cleanly: stop() waits for the tick in flight and nothing is written after it", async () => {
    const store = await demoStore();
    let inFlight = 0;
    let afterStop = 0;
    let stopped = false;
    const slow: SimulatorOptions["store"] = {
      query: (sql, params) => store.query(sql, params),
      ingest: async (stream, records, options) => {
        if (stopped) afterStop++;
        inFlight++;
        await new Promise((r) => setTimeout(r, 30));
        inFlight--;
        return store.ingest(stream, records, options);
      },
    };
    try {
      const s = sim({ store: slow, speed: 3600, tickMs: 1, streams: ["septic", "air"] });
      await s.start();
      while (inFlight === 0) await new Promise((r) => setTimeout(r, 1));
      await s.stop();
      stopped = true;
      expect(inFlight).toBe(0);
      const count = await store.count("septic");
      await new Promise((r) => setTimeout(r, 50));
      expect([afterStop, await store.count("septic"), s.state().running]).toEqual([0, count, false]);
    } finally {
      await store.close();
    }
  });
});
