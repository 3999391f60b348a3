import { describe, expect, it } from "vitest";
import { batchToRows, type ColumnBatch, type StreamDef } from "../schema/index.ts";
import { STREAMS, STREAM_NAMES, type StreamName } from "../streams/index.ts";
import { GENERATORS, anomaliesOf } from "./generators.ts";
import { LIVE_ANOMALIES } from "./live-anomalies.ts";
import { makeContext } from "./context.ts";
import { testSites, validationErrors } from "./test-support.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS, dayOfDate, dayStart } from "./time.ts";
import type { GeneratorContext, GroundTruthAnomaly } from "./types.ts";
import type { GeneratorSites } from "./site-shapes.ts";

const END = dayStart(dayOfDate("2026-11-25")); // the presets' anchor: live windows start here
const win = (start: number, end: number, seed = 7): GeneratorContext<GeneratorSites> =>
  makeContext({ preset: "tiny", seed, sites: testSites(), start, end });
const rowsOf = (stream: StreamName, ctx: GeneratorContext<GeneratorSites>) =>
  [...(GENERATORS[stream](ctx) as Iterable<ColumnBatch>)].flatMap(batchToRows);
const keyOf = (stream: StreamName) => (r: Record<string, unknown>) =>
  STREAMS[stream].key.map((k) => String(r[k])).join("|");
/** Rows upserted by key in feed order, as the store keeps them, sorted by key. */
const upserted = (stream: StreamName, feeds: Record<string, unknown>[][]) => {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const rows of feeds) for (const r of rows) byKey.set(keyOf(stream)(r), r);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
};

describe("window contexts", () => {
  // Two local days and an odd cut in the middle of the first: 08:00 + 7 h 13 min.
  const [a, b, c] = [END + 8 * HOUR_MS, END + 15 * HOUR_MS + 13 * MINUTE_MS, END + DAY_MS + 20 * HOUR_MS];

  it("covers [start, end) rounded to the minute, and refuses an empty window", () => {
    const ctx = win(a + 59_999, c + 30_000);
    expect([ctx.start, ctx.end, ctx.windowed]).toEqual([a, c, true]);
    expect(() => win(c, a)).toThrow(/start must be epoch ms before the end/);
    expect(makeContext({ preset: "tiny", seed: 1, sites: testSites() }).windowed).toBeUndefined();
  });

  it("yields the same rows for a window whichever way it is cut (every stream, upserted by key)", () => {
    for (const stream of STREAM_NAMES) {
      const whole = rowsOf(stream, win(a, c));
      const parts = [rowsOf(stream, win(a, b)), rowsOf(stream, win(b, c))];
      expect(upserted(stream, parts), stream).toEqual(upserted(stream, [whole]));
      expect(rowsOf(stream, win(a, c)), `${stream} deterministic`).toEqual(whole);
    }
  });

  it("yields only intervals that start in the window, valid against the schemas", () => {
    for (const stream of ["energy", "traffic", "septic", "air"] as const) {
      const ctx = win(a, b);
      const rows = rowsOf(stream, ctx);
      expect(rows.length, stream).toBeGreaterThan(0);
      expect(rows.every((r) => (r.ts as number) >= a && (r.ts as number) < b)).toBe(true);
      // The union of the stream types does not fit one generic parameter.
      const def = STREAMS[stream] as unknown as StreamDef;
      expect(validationErrors(def, [...GENERATORS[stream](win(a, b))])).toEqual([]);
    }
    expect(rowsOf("exchange", win(a, c)).map((r) => r.day)).toEqual(
      rowsOf("exchange", win(a, c)).map(() => "2026-11-26"),
    );
    expect(rowsOf("credit", win(END + 5 * DAY_MS, END + 7 * DAY_MS)).map((r) => r.month)).toContain(
      "2026-12-01",
    );
  });

  it("plans the live anomalies every day, with dated ids, and records them as generated", () => {
    const ctx = win(END, END + 2 * DAY_MS);
    for (const stream of STREAM_NAMES) for (const _batch of GENERATORS[stream](ctx));
    expect(ctx.groundTruth).toEqual(anomaliesOf(win(END, END + 2 * DAY_MS)));
    const perDay = Object.values(LIVE_ANOMALIES)
      .flatMap((k: Record<string, number>) => Object.values(k))
      .reduce((s, n) => s + n, 0);
    expect(ctx.groundTruth).toHaveLength(2 * perDay);
    expect(ctx.groundTruth.filter((g) => g.id.includes("-20261126-"))).toHaveLength(perDay);
    expect(anomaliesOf(win(END, END + 2 * DAY_MS, 8))).not.toEqual(ctx.groundTruth);
  });

  it("lets a live tank fill past 90 % and pumps it out by its end", () => {
    const ctx = win(END, END + DAY_MS);
    const filling = anomaliesOf(ctx).find((g) => g.kind === "tank_filling") as GroundTruthAnomaly;
    const rows = rowsOf("septic", ctx).filter((r) => r.monitor_id === filling.site_id);
    const level = (t: number) => rows.find((r) => r.ts === t)?.level_pct as number;
    const cross = Number(filling.details?.crosses_90_at);
    expect(level(cross + 10 * MINUTE_MS)).toBeGreaterThan(88);
    expect(filling.end).toBeLessThan(END + DAY_MS);
    expect(level(filling.end + HOUR_MS)).toBeLessThan(40);
  });

  it("feeds cases and alerts as changes: consecutive windows end in the state of one long window", () => {
    const steps = Array.from({ length: 9 }, (_, i) => END + i * 3 * HOUR_MS);
    for (const stream of ["cases", "alerts"] as const) {
      const feeds = steps.slice(1).map((t, i) => rowsOf(stream, win(steps[i] as number, t)));
      const whole = rowsOf(stream, win(END, END + DAY_MS));
      expect(upserted(stream, feeds), stream).toEqual(upserted(stream, [whole]));
      expect(feeds.flat().length, `${stream} has updates`).toBeGreaterThan(whole.length);
    }
    const closing = rowsOf("cases", win(END + 10 * HOUR_MS, END + 11 * HOUR_MS));
    expect(closing.some((r) => (r.opened_at as number) < END + 10 * HOUR_MS && r.status === "closed")).toBe(
      true,
    );
  });
});
