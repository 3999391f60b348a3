import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore, energyHourlyEnterprise, publishExtracts } from "@citybrain/analytics";
import { extractRoutes, type ClientManifest } from "./extract-routes.ts";

describe("extractRoutes for parts", () => {
  let store: DuckDBStore;
  let app: Hono;
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
    // 40 hours from 1 March 08:00 (Shanghai): the current month, one part per day.
    const rows = Array.from({ length: 40 }, (_, i) => ({
      ts: new Date(Date.UTC(2026, 3 - 1, 1) + i * 3_600_000).toISOString(),
      meter_id: "M1",
      enterprise_id: "ENT-0001",
      industry: "equipment",
      town_code: "500152001",
      carrier: "electricity",
      value: i,
    }));
    await store.ingest("energy", rows, { batchId: "t" });
    const root = await mkdtemp(join(tmpdir(), "extract-parts-"));
    await publishExtracts(store, root, [energyHourlyEnterprise]);
    app = new Hono();
    app.route("/", extractRoutes({ root }));
  });
  afterAll(() => store.close());

  it("serves day parts at the URLs the manifest lists", async () => {
    const m = (await (await app.request("/manifest")).json()) as ClientManifest;
    type Part = { month: string; day?: string; rows: number; url: string };
    const parts = (m.extracts[0]?.parts ?? []) as unknown as Part[];
    expect(parts.map((p) => [p.month, p.day ?? null, p.rows])).toEqual([
      ["2026-03", "2026-03-01", 16],
      ["2026-03", "2026-03-02", 24],
    ]);
    const urls = parts.map((p) => p.url.replace(/^\/api/, ""));
    expect(urls).toEqual([
      "/extracts/energy_hourly_enterprise/parts/2026-03-01?v=1",
      "/extracts/energy_hourly_enterprise/parts/2026-03-02?v=1",
    ]);
    for (const [i, url] of urls.entries()) {
      const res = await app.request(url);
      expect(res.status).toBe(200);
      expect(tableFromIPC(new Uint8Array(await res.arrayBuffer())).numRows).toBe(parts[i]?.rows);
    }
    const pq = await app.request("/extracts/energy_hourly_enterprise/parts/2026-03-02/parquet");
    expect([pq.status, pq.headers.get("Content-Type")]).toEqual([200, "application/vnd.apache.parquet"]);
    const missing = await app.request("/extracts/energy_hourly_enterprise/parts/2026-03-05");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
      'extract "energy_hourly_enterprise" has no part "2026-03-05" (it has 2026-03-01 … 2026-03-02)',
    );
  });
});
