import { cp, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_EXTRACTS, DuckDBStore, MANIFEST_FILE, publishExtracts } from "@citybrain/analytics";
import { extractRoutes } from "./extract-routes.ts";

const NAME = "energy_daily_town";

describe("extractRoutes when files go bad", () => {
  let pristine: string;
  let root: string;
  let app: Hono;
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
    const rows = Array.from({ length: 50 }, (_, i) => ({
      ts: new Date(Date.UTC(2026, 2, 1) + i * 3_600_000).toISOString(),
      meter_id: `M${i % 5}`,
      enterprise_id: "ENT-0001",
      industry: "equipment",
      town_code: "500152001",
      carrier: "electricity",
      value: i,
    }));
    await store.ingest("energy", rows, { batchId: "t" });
    pristine = await mkdtemp(join(tmpdir(), "extracts-pristine-"));
    await publishExtracts(store, pristine, DEFAULT_EXTRACTS);
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "extracts-"));
    await cp(pristine, root, { recursive: true });
    app = new Hono();
    app.route("/", extractRoutes({ root }));
  });

  const file = (suffix = "") => join(root, "v1", `${NAME}.arrows${suffix}`);
  const errorOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string; message: string } }).error;

  it("answers 503 with Retry-After for an unreadable manifest when no good one is known", async () => {
    await writeFile(join(root, MANIFEST_FILE), '{"version": 1, "extr');
    for (const path of ["/manifest", `/extracts/${NAME}`]) {
      const res = await app.request(path);
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe("5");
      expect(await errorOf(res)).toMatchObject({
        code: "extracts_unavailable",
        message: expect.stringMatching(/^manifest\.json is not JSON: .*; retry shortly$/),
      });
    }
    await writeFile(join(root, MANIFEST_FILE), JSON.stringify({ version: 1, extracts: "all" }));
    expect(await errorOf(await app.request("/manifest"))).toMatchObject({
      message: expect.stringMatching(/manifest\.json is malformed: /),
    });
  });

  it("still says not_ready before anything was published", async () => {
    await rm(join(root, MANIFEST_FILE));
    const res = await app.request("/manifest");
    expect(res.status).toBe(503);
    expect((await errorOf(res)).code).toBe("not_ready");
  });

  it("keeps serving the last good manifest and its extracts while the file is garbled or gone", async () => {
    const good = await (await app.request("/manifest")).json();
    const bytes = await readFile(file());
    for (const damage of [
      () => writeFile(join(root, MANIFEST_FILE), "\u0000\u0000garbage"),
      () => rm(join(root, MANIFEST_FILE)),
    ]) {
      await damage();
      const m = await app.request("/manifest");
      expect(m.status).toBe(200);
      expect(m.headers.get("X-Extracts-Stale")).toMatch(/^manifest-(unreadable|missing)$/);
      expect(await m.json()).toEqual(good);
      const x = await app.request(`/extracts/${NAME}?v=1`);
      expect(x.status).toBe(200);
      expect(x.headers.get("Cache-Control")).toBe("no-cache");
      expect(Buffer.compare(Buffer.from(await x.arrayBuffer()), bytes)).toBe(0);
    }
  });

  it("answers 503 naming the file when an extract is missing, truncated or altered", async () => {
    const bytes = await readFile(file());
    const cases: [() => Promise<void>, RegExp][] = [
      [() => rm(file()), /v1\/energy_daily_town\.arrows\) is missing: the file is missing/],
      [() => truncate(file(), 10), /is corrupt: 10 bytes on disk, the manifest says \d+/],
      [
        () => writeFile(file(), Buffer.from(bytes.map((b, i) => (i === bytes.length - 1 ? b ^ 0xff : b)))),
        /is corrupt: its sha256 does not match the manifest/,
      ],
    ];
    for (const [damage, message] of cases) {
      await damage();
      const res = await app.request(`/extracts/${NAME}`);
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe("5");
      expect(await errorOf(res)).toMatchObject({
        code: "extract_unavailable",
        message: expect.stringMatching(message),
      });
      await writeFile(file(), bytes);
    }
    expect((await app.request(`/extracts/${NAME}`)).status).toBe(200);
  });

  it("falls back to the identity file when a precompressed sibling is broken", async () => {
    await rm(file(".br"));
    await truncate(file(".gz"), 3);
    const res = await app.request(`/extracts/${NAME}`, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Encoding")).toBeNull();
    expect(tableFromIPC(new Uint8Array(await res.arrayBuffer())).numRows).toBeGreaterThan(0);
  });
});
