import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EXTRACTS, DuckDBStore, publishExtracts } from "@citybrain/analytics";
import { createApp } from "./app.ts";

const outline = { type: "Feature", properties: { name: "潼南区" }, geometry: null };
const towns = { type: "FeatureCollection", features: [] };

describe("createApp", () => {
  let store: DuckDBStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
    const rows = Array.from({ length: 200 }, (_, i) => ({
      ts: new Date(Date.UTC(2026, 2, 1) + i * 900_000).toISOString(),
      meter_id: `M${i % 7}`,
      enterprise_id: "ENT-0001",
      industry: "equipment",
      town_code: `50015200${i % 3}`,
      carrier: i % 2 ? "electricity" : "gas",
      value: i,
    }));
    await store.ingest("energy", rows, { batchId: "t" });
    const root = await mkdtemp(join(tmpdir(), "app-"));
    await publishExtracts(store, root, DEFAULT_EXTRACTS);
    app = createApp({ extractsRoot: root, reference: () => ({ outline, towns }) });
  });
  afterAll(() => store.close());

  it("lists extracts with versioned URLs", async () => {
    const res = await app.request("/api/manifest");
    expect(res.status).toBe(200);
    const m = (await res.json()) as {
      version: number;
      extracts: { name: string; url: string; rows: number }[];
    };
    expect(m.extracts[0]).toMatchObject({
      name: "energy_daily_town",
      url: "/api/extracts/energy_daily_town?v=1",
    });
    const again = await app.request("/api/manifest", {
      headers: { "If-None-Match": res.headers.get("ETag") ?? "" },
    });
    expect(again.status).toBe(304);
  });

  it("serves an extract raw, gzip, br and zstd, all decoding to the same Arrow table", async () => {
    const raw = new Uint8Array(await (await app.request("/api/extracts/energy_daily_town")).arrayBuffer());
    const expected = tableFromIPC(raw);
    expect(expected.numRows).toBeGreaterThan(0);
    const gz = await app.request("/api/extracts/energy_daily_town", {
      headers: { "Accept-Encoding": "gzip" },
    });
    expect(gz.headers.get("Content-Encoding")).toBe("gzip");
    expect(Buffer.compare(gunzipSync(Buffer.from(await gz.arrayBuffer())), raw)).toBe(0);
    const br = await app.request("/api/extracts/energy_daily_town?v=1", {
      headers: { "Accept-Encoding": "gzip;q=0.5, br" },
    });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("Cache-Control")).toContain("immutable");
    expect(Buffer.compare(brotliDecompressSync(Buffer.from(await br.arrayBuffer())), raw)).toBe(0);
    const zst = await app.request("/api/extracts/energy_daily_town", {
      headers: { "Accept-Encoding": "gzip, deflate, br, zstd" },
    });
    expect(zst.headers.get("Content-Encoding")).toBe("zstd");
    const { decompress, init } = await import("@bokuweb/zstd-wasm");
    await init();
    expect(Buffer.compare(Buffer.from(decompress(new Uint8Array(await zst.arrayBuffer()))), raw)).toBe(0);
    const cached = await app.request("/api/extracts/energy_daily_town", {
      headers: { "Accept-Encoding": "br", "If-None-Match": br.headers.get("ETag") ?? "" },
    });
    expect(cached.status).toBe(304);
  });

  it("answers byte ranges with 206 and out-of-range with 416", async () => {
    const res = await app.request("/api/extracts/energy_daily_town", { headers: { Range: "bytes=0-9" } });
    expect(res.status).toBe(206);
    expect((await res.arrayBuffer()).byteLength).toBe(10);
    expect(res.headers.get("Content-Range")).toMatch(/^bytes 0-9\/\d+$/);
    const bad = await app.request("/api/extracts/energy_daily_town", {
      headers: { Range: "bytes=99999999-" },
    });
    expect(bad.status).toBe(416);
  });

  it("serves monthly parts and Parquet siblings listed in the manifest", async () => {
    const m = (await (await app.request("/api/manifest")).json()) as {
      extracts: {
        name: string;
        parquetUrl?: string;
        parts?: { month: string; url: string; parquetUrl?: string }[];
      }[];
    };
    const split = m.extracts.find((e) => e.parts && e.parts.length > 0);
    expect(split?.parts?.[0]?.month).toBe("2026-03");
    const partRes = await app.request(split?.parts?.[0]?.url ?? "");
    expect(partRes.status).toBe(200);
    expect(tableFromIPC(new Uint8Array(await partRes.arrayBuffer())).numRows).toBeGreaterThan(0);
    const pq = await app.request(split?.parts?.[0]?.parquetUrl ?? "");
    expect(pq.status).toBe(200);
    expect(pq.headers.get("Content-Type")).toBe("application/vnd.apache.parquet");
    expect(
      Buffer.from(await pq.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe("PAR1");
    const whole = await app.request(m.extracts.find((e) => e.name === "energy_daily_town")?.parquetUrl ?? "");
    expect(whole.status).toBe(200);
    const noPart = await app.request(`/api/extracts/${split?.name}/parts/1999-01`);
    expect(noPart.status).toBe(404);
    expect(await noPart.json()).toMatchObject({
      error: { code: "unknown_part", details: { param: "month" } },
    });
  });

  it("names what was wrong in one error shape", async () => {
    const res = await app.request("/api/extracts/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "unknown_extract", message: 'no extract named "nope"', details: { param: "name" } },
    });
    const ref = await app.request("/api/reference/towns.geojson");
    expect(await ref.json()).toEqual(towns);
    expect((await app.request("/api/nothing")).status).toBe(404);
  });
});
