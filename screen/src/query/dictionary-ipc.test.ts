// Extracts carry repeated text (ids, towns, carriers) as Arrow dictionaries. The screen loads
// them with DuckDB-WASM's insertArrowFromIPCStream: this runs that same WebAssembly build (the
// `eh` one the screen ships) in node and checks it reads them back as plain VARCHAR, across
// record batches that share one dictionary.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { createDuckDB, ConsoleLogger, LogLevel, NODE_RUNTIME } from "@duckdb/duckdb-wasm/blocking";
import { queryToArrow } from "@citybrain/analytics";
import { tableToIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const DIST = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));

const EXTRACT = `SELECT TIMESTAMP '2026-03-01' + to_hours(i // 300) AS ts,
    'E' || lpad((i % 300)::VARCHAR, 4, '0') AS enterprise_id,
    CASE WHEN i % 11 = 0 THEN NULL ELSE ['electricity', 'water', 'gas', 'oil'][i % 4 + 1] END AS carrier,
    '潼南区' || (['桂林街道', '梓潼街道'][i % 2 + 1]) AS town_name,
    i * 0.25 AS value
  FROM range(140000) t(i) ORDER BY i`;

describe("DuckDB-WASM reads dictionary-encoded extracts", () => {
  it("as VARCHAR columns with the same values", async () => {
    const native = await DuckDBInstance.create(":memory:");
    const conn = await native.connect();
    const table = await queryToArrow(conn, EXTRACT);
    expect(table.batches.length).toBeGreaterThan(1);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      "Timestamp<MILLISECOND>",
      "Dictionary<Int16, Utf8>",
      "Dictionary<Int8, Utf8>",
      "Dictionary<Int8, Utf8>",
      "Float64",
    ]);
    const summary = `SELECT carrier, town_name, count(DISTINCT enterprise_id) AS ents, count(*) AS n, sum(value) AS v
      FROM x GROUP BY ALL ORDER BY ALL`;
    const want = (
      await conn.runAndReadAll(summary.replace("FROM x", `FROM (${EXTRACT})`))
    ).getRowObjectsJson();
    expect(want).toHaveLength(6); // each carrier on one town (i % 4 fixes i % 2), NULL on both
    conn.closeSync();
    native.closeSync();

    const wasm = await createDuckDB(
      {
        mvp: { mainModule: join(DIST, "duckdb-mvp.wasm"), mainWorker: "" },
        eh: { mainModule: join(DIST, "duckdb-eh.wasm"), mainWorker: "" },
      },
      new ConsoleLogger(LogLevel.WARNING),
      NODE_RUNTIME,
    );
    await wasm.instantiate();
    wasm.open({});
    const c = wasm.connect();
    try {
      c.insertArrowFromIPCStream(tableToIPC(table, "stream"), { name: "x", create: true });
      const types = c
        .query("DESCRIBE x")
        .toArray()
        .map((r) => `${r.column_name} ${r.column_type}`);
      expect(types).toEqual([
        "ts TIMESTAMP_MS",
        "enterprise_id VARCHAR",
        "carrier VARCHAR",
        "town_name VARCHAR",
        "value DOUBLE",
      ]);
      const got = c
        .query(summary)
        .toArray()
        .map((r) => {
          const o = r.toJSON() as Record<string, unknown>;
          return { ...o, ents: String(o.ents), n: String(o.n), v: Number(o.v) };
        });
      expect(got).toEqual(want.map((o) => ({ ...o, v: Number(o.v) })));
    } finally {
      c.close();
    }
  });
});
