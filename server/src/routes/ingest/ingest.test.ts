import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore } from "@citybrain/analytics";
import { ingestRoutes } from "./index.ts";

const line = (i: number, level = 40) =>
  JSON.stringify({
    ts: `2026-03-01T00:${String(i * 5).padStart(2, "0")}:00Z`,
    monitor_id: "SEP-001",
    town_code: "500152001",
    ch4_lel: 3,
    h2s_ppm: 1,
    level_pct: level,
    temperature_c: 18,
  });

describe("POST /ingest/:stream", () => {
  let store: DuckDBStore;
  let app: Hono;
  const ingested: number[] = [];
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
    app = new Hono().route(
      "/api",
      ingestRoutes({ store, maxBytes: 4096, onIngested: (r) => ingested.push(r.accepted) }),
    );
  });
  afterAll(() => store.close());

  const post = (body: string, headers: Record<string, string>, path = "/api/ingest/septic") =>
    app.request(path, { method: "POST", body, headers });

  it("accepts NDJSON once and treats a replay as a no-op", async () => {
    const body = [line(0), line(1)].join("\n");
    const h = { "Content-Type": "application/x-ndjson", "X-Batch-Id": "b-1" };
    const first = await post(body, h);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accepted: 2, rejected: 0, replayed: false });
    const again = await post(body, h);
    expect(await again.json()).toMatchObject({ accepted: 0, replayed: true });
    expect(ingested).toEqual([2]);
    expect(await store.count("septic")).toBe(2);
  });

  it("accepts CSV", async () => {
    const csv =
      "ts,monitor_id,town_code,ch4_lel,h2s_ppm,level_pct,temperature_c\n2026-03-01 09:00:00,SEP-002,500152001,1,1,20,17\n";
    const res = await post(csv, { "Content-Type": "text/csv; charset=utf-8", "X-Batch-Id": "csv-1" });
    expect(await res.json()).toMatchObject({ accepted: 1 });
  });

  it("rejects a batch with a bad row whole, naming row and field", async () => {
    const res = await post([line(2), line(3, 120)].join("\n"), {
      "Content-Type": "application/x-ndjson",
      "X-Batch-Id": "b-2",
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { errors: unknown[] } } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.errors).toEqual([
      { row: 2, field: "level_pct", message: "expected a number ≤ 100 %, got 120" },
    ]);
    expect(await store.count("septic")).toBe(3);
  });

  it("quarantines when asked", async () => {
    const res = await post(
      [line(4), line(5, 120)].join("\n"),
      { "Content-Type": "application/x-ndjson", "X-Batch-Id": "b-3" },
      "/api/ingest/septic?onBadRows=quarantine",
    );
    expect(await res.json()).toMatchObject({ accepted: 1, rejected: 1, policy: "quarantine" });
  });

  it("gives clear 4xx answers for bad requests", async () => {
    const nd = { "Content-Type": "application/x-ndjson", "X-Batch-Id": "z" };
    expect((await post(line(0), nd, "/api/ingest/nope")).status).toBe(404);
    expect((await post(line(0), { ...nd, "Content-Type": "text/plain" })).status).toBe(415);
    expect((await post(line(0), { "Content-Type": "application/x-ndjson" })).status).toBe(400);
    const bad = await post("{not json", nd);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "bad_body", details: { row: 1 } } });
    expect((await post("x".repeat(5000), nd)).status).toBe(413);
    expect((await post(line(0), nd, "/api/ingest/septic?onBadRows=maybe")).status).toBe(400);
  });
});

describe("large bodies take the SQL path", () => {
  it("gives the same answers and errors as the JS path", async () => {
    const store = await DuckDBStore.open({ path: ":memory:" });
    const app = new Hono().route("/api", ingestRoutes({ store, sqlPathBytes: 1 }));
    const body = [line(0), line(1, 120), line(2)].join("\n");
    const h = { "Content-Type": "application/x-ndjson", "X-Batch-Id": "big-1" };
    const rejected = await app.request("/api/ingest/septic", { method: "POST", body, headers: h });
    expect(rejected.status).toBe(422);
    expect(
      ((await rejected.json()) as { error: { details: { errors: unknown[] } } }).error.details.errors,
    ).toEqual([{ row: 2, field: "level_pct", message: "expected a number ≤ 100 %, got 120" }]);
    const ok = await app.request("/api/ingest/septic?onBadRows=quarantine", {
      method: "POST",
      body,
      headers: h,
    });
    expect(await ok.json()).toMatchObject({ accepted: 2, rejected: 1 });
    const garbage = await app.request("/api/ingest/septic", {
      method: "POST",
      body: "{oops",
      headers: { ...h, "X-Batch-Id": "g" },
    });
    expect(garbage.status).toBe(400);
    await store.close();
  });
});

// Found by src/fuzz.test.ts: printing a deeply nested value overflowed the stack (500).
describe("hostile bodies", () => {
  it("refuses rows that nest deeper than flat records can, naming the row", async () => {
    const store = await DuckDBStore.open({ path: ":memory:" });
    const app = new Hono().route("/api", ingestRoutes({ store, maxBytes: 1024 * 1024 }));
    const deepValue = `{"ts":"2026-03-01T00:00:00Z","monitor_id":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    for (const [body, row] of [
      [`${"[".repeat(100_000)}${"]".repeat(100_000)}`, 1],
      [[line(0), deepValue].join("\n"), 2],
    ] as const) {
      const res = await app.request("/api/ingest/septic?onBadRows=quarantine", {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-ndjson", "X-Batch-Id": `deep-${row}` },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: {
          code: "bad_body",
          message: `row ${row}: values nest deeper than 8 levels`,
          details: { row },
        },
      });
    }
    expect(await store.count("septic")).toBe(0);
    await store.close();
  });
});
