import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeContext } from "@citybrain/datasets/generators";
import { storeWithGenerated } from "../anomaly/generated-store.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { AlertEngine } from "./alert-engine.ts";
import type { AlertRow } from "./alert-row.ts";
import { readingFromRow } from "./reading-from-row.ts";

describe("alert engine on the generated septic stream (tiny preset)", () => {
  const ctx = makeContext({ preset: "tiny", seed: 42 });
  let store: DuckDBStore;
  let rows: AlertRow[] = [];
  beforeAll(async () => {
    store = await storeWithGenerated(ctx, ["septic"]);
    const engine = new AlertEngine();
    const readings = await store.query("SELECT * FROM septic ORDER BY ts, monitor_id");
    rows = readings.flatMap((r) => engine.push(readingFromRow("septic", r)));
    rows.push(...engine.advance(ctx.end));
  });
  afterAll(async () => {
    await store.close();
  });

  it("raises the filling tank's level alert once and escalates it on the same id", () => {
    const filling = ctx.groundTruth.find((t) => t.kind === "tank_filling");
    const level = rows.filter((r) => r.rule === "septic.level" && r.site_id === filling?.site_id);
    expect(level.map((r) => [r.status, r.severity])).toEqual([
      ["open", "minor"],
      ["open", "major"],
    ]);
    expect(new Set(level.map((r) => r.alert_id)).size).toBe(1);
    expect(level[0]?.ts).toBeGreaterThan(filling?.start ?? Infinity);
    // Only the filling tank goes past 90 %; others may touch the 85 % warning before a pump-out.
    expect(
      rows.filter((r) => r.rule === "septic.level" && r.severity === "major").map((r) => r.site_id),
    ).toEqual([filling?.site_id]);
  });

  it("reports the silent monitor offline 30 minutes after its last reading and closes when it is back", () => {
    const gap = ctx.groundTruth.find((t) => t.kind === "data_gap" && t.stream === "septic");
    const offline = rows.filter((r) => r.rule === "septic.offline");
    const lastSeen = (gap?.start ?? 0) - 5 * 60_000;
    expect(offline.map((r) => [r.site_id, r.status, r.ts, r.updated_at])).toEqual([
      [gap?.site_id, "open", lastSeen + 30 * 60_000, lastSeen + 30 * 60_000],
      [gap?.site_id, "closed", lastSeen + 30 * 60_000, gap?.end],
    ]);
  });

  it("does not flap: one alert id per rule and site over the two days", () => {
    const pairs = new Set(rows.map((r) => `${r.rule} ${r.site_id}`));
    expect(new Set(rows.map((r) => r.alert_id)).size).toBe(pairs.size);
    expect(rows.every((r) => /^SEP-\d{3} /.test(r.message))).toBe(true);
  });
});
