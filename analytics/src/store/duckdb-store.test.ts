import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "@citybrain/datasets";
import { DuckDBStore } from "./duckdb-store.ts";
import { MIGRATIONS } from "./migrations.ts";

const row = (i: number, value = 10) => ({
  ts: new Date(Date.UTC(2026, 2, 1, 0, 15 * i)).toISOString(),
  monitor_id: "SEP-001",
  town_code: "500152001",
  ch4_lel: 3 + i,
  h2s_ppm: 1,
  level_pct: value,
  temperature_c: 18,
});

describe("DuckDBStore", () => {
  let store: DuckDBStore;
  beforeEach(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
  });
  afterEach(async () => {
    await store.close();
  });

  it("ingests a batch once; a replay of the same batch id is a no-op", async () => {
    const first = await store.ingest("septic", [row(0), row(1), row(2)], { batchId: "b1" });
    expect(first).toMatchObject({ accepted: 3, rejected: 0, replayed: false });
    expect(first.timeRange).toEqual([Date.UTC(2026, 2, 1, 0, 0), Date.UTC(2026, 2, 1, 0, 30)]);
    const again = await store.ingest("septic", [row(0), row(1), row(2)], { batchId: "b1" });
    expect(again).toMatchObject({ accepted: 0, replayed: true });
    expect(await store.count("septic")).toBe(3);
  });

  it("deduplicates by natural key: a later batch replaces the row", async () => {
    await store.ingest("septic", [row(0, 10)], { batchId: "a" });
    await store.ingest("septic", [row(0, 55)], { batchId: "b" });
    const rows = await store.query("SELECT level_pct FROM septic");
    expect(rows).toEqual([{ level_pct: 55 }]);
  });

  it("keeps one row per natural key over overlapping batches, in both ingest paths", async () => {
    const dir = await mkdtemp(join(tmpdir(), "store-keys-"));
    const batch = (from: number, n: number, value = 10) =>
      Array.from({ length: n }, (_, i) => row(from + i, value));
    await store.ingest("septic", batch(0, 8), { batchId: "k1" });
    await store.ingest("septic", batch(4, 8, 40), { batchId: "k2" }); // overlaps 4..7
    const file = join(dir, "k3.ndjson");
    await writeFile(
      file,
      batch(6, 10, 60)
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    await store.ingestFile("septic", file, "ndjson", { batchId: "k3" }); // overlaps 6..11
    const dups = await store.query(
      "SELECT count(*) AS n FROM (SELECT ts, monitor_id FROM septic GROUP BY ALL HAVING count(*) > 1)",
    );
    expect(dups).toEqual([{ n: 0 }]);
    expect(await store.count("septic")).toBe(16);
    const levels = await store.query(
      "SELECT level_pct AS v, count(*) AS n FROM septic GROUP BY 1 ORDER BY 1",
    );
    expect(levels).toEqual([
      { v: 10, n: 4 },
      { v: 40, n: 2 },
      { v: 60, n: 10 },
    ]);
  });

  it("migrates a version-1 store (primary-key index) to unindexed tables without losing rows", async () => {
    const dir = await mkdtemp(join(tmpdir(), "store-v1-"));
    const path = join(dir, "v1.duckdb");
    const inst = await DuckDBInstance.create(path);
    const conn = await inst.connect();
    await conn.run(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)",
    );
    for (const sql of MIGRATIONS[0]?.sql ?? []) await conn.run(sql);
    await conn.run("INSERT INTO schema_migrations VALUES (1, 'streams', now())");
    await conn.run(
      "INSERT INTO septic VALUES ('2026-03-01 00:00:00', 'SEP-9', '500152001', 1, 1, 50, 18), ('2026-03-01 00:15:00', 'SEP-9', '500152001', 2, 1, 51, 18)",
    );
    conn.closeSync();
    inst.closeSync();
    const migrated = await DuckDBStore.open({ path });
    try {
      expect(await migrated.count("septic")).toBe(2);
      const pk = await migrated.query(
        "SELECT count(*) AS n FROM duckdb_constraints() WHERE table_name = 'septic' AND constraint_type = 'PRIMARY KEY'",
      );
      expect(pk).toEqual([{ n: 0 }]);
      const versions = await migrated.query("SELECT version FROM schema_migrations ORDER BY 1");
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
    } finally {
      await migrated.close();
    }
  });

  it("keeps the last row of a key repeated within one batch", async () => {
    const r = await store.ingest("septic", [row(0, 10), row(1, 20), row(0, 30)], { batchId: "dup" });
    expect(r.accepted).toBe(3);
    const rows = await store.query("SELECT level_pct FROM septic ORDER BY ts");
    expect(rows).toEqual([{ level_pct: 30 }, { level_pct: 20 }]);
  });

  it("rejects a batch with a bad row whole, naming row and field", async () => {
    const bad = { ...row(1), level_pct: 140 };
    await expect(store.ingest("septic", [row(0), bad], { batchId: "c" })).rejects.toThrow(ValidationError);
    await expect(store.ingest("septic", [row(0), bad], { batchId: "c" })).rejects.toThrow(
      /row 2, field "level_pct": expected a number ≤ 100 %/,
    );
    expect(await store.count("septic")).toBe(0);
    // The rejected batch id was not recorded: a corrected resend goes through.
    const fixed = await store.ingest("septic", [row(0), row(1)], { batchId: "c" });
    expect(fixed.accepted).toBe(2);
  });

  it("quarantines bad rows when asked and writes the rest", async () => {
    const r = await store.ingest("septic", [row(0), { ...row(1), ts: "soon" }], {
      batchId: "q",
      onBadRows: "quarantine",
    });
    expect(r).toMatchObject({ accepted: 1, rejected: 1, policy: "quarantine" });
    const q = await store.query("SELECT row_number, errors FROM quarantine");
    expect(q).toHaveLength(1);
    expect(q[0]?.row_number).toBe(2);
    expect(String(q[0]?.errors)).toContain("ts: expected ISO-8601 time");
  });

  it("converts every column type to Arrow exactly, nulls included", async () => {
    const t = await store.queryArrow(
      `SELECT * FROM (VALUES
        (1.5::DOUBLE, 7::INTEGER, 3::BIGINT, DATE '2026-03-01', TIMESTAMP '2026-03-01 08:15:30.123', 'a', true),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (-2.25, -1, 9007199254740991, DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59', '潼南', false)
      ) v(d, i, b, day, ts, s, f)`,
    );
    const rows = t.toArray().map((r) => r.toJSON());
    expect(rows[0]).toEqual({
      d: 1.5,
      i: 7,
      b: 3,
      day: Date.UTC(2026, 2, 1),
      ts: Date.UTC(2026, 2, 1, 8, 15, 30, 123),
      s: "a",
      f: true,
    });
    expect(rows[1]).toEqual({ d: null, i: null, b: null, day: null, ts: null, s: null, f: null });
    expect(rows[2]).toMatchObject({
      d: -2.25,
      i: -1,
      b: 9007199254740991,
      day: -86_400_000,
      ts: -1000,
      s: "潼南",
      f: false,
    });
  });

  it("answers queries as Arrow with DuckDB-WASM friendly types", async () => {
    await store.ingest("septic", [row(0), row(1)], { batchId: "x" });
    const t = await store.queryArrow(
      "SELECT CAST(ts AS DATE) AS day, monitor_id, sum(ch4_lel) AS ch4, count(*) AS n FROM septic GROUP BY ALL",
    );
    expect(t.numRows).toBe(1);
    expect(t.getChild("ch4")?.get(0)).toBe(7);
    expect(t.getChild("n")?.get(0)).toBe(2);
    expect(String(t.schema.fields.map((f) => f.type))).toContain("Date");
  });
});
