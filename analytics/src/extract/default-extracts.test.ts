import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Type, type DataType } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STREAM_NAMES } from "@citybrain/datasets";
import { generateDataset } from "@citybrain/datasets/output";
import { TOWNS, generateSites } from "@citybrain/datasets/reference";
import { DuckDBStore } from "../store/duckdb-store.ts";
import { DEFAULT_EXTRACTS } from "./extract-defs.ts";
import { publishExtracts } from "./publish.ts";
import { loadSites } from "./sites-table.ts";
import { loadTowns } from "./towns-table.ts";

/**
 * Arrow types DuckDB-WASM reads back as the same column types. Dictionary-encoded text (signed
 * 8/16/32-bit indices into Utf8 values) loads as VARCHAR: screen/src/query/dictionary-ipc.test.ts
 * checks that on DuckDB-WASM itself.
 */
function wasmFriendly(t: DataType): string | null {
  if (t.typeId === Type.Dictionary) {
    return /^Dictionary<Int(8|16|32), Utf8>$/.test(String(t)) ? String(t) : null;
  }
  if (t.typeId === Type.Utf8 || t.typeId === Type.Float || t.typeId === Type.Bool) {
    return t.typeId !== Type.Float || String(t) === "Float64" ? String(t) : null;
  }
  if (t.typeId === Type.Int) return String(t) === "Int32" ? "Int32" : null;
  if (t.typeId === Type.Date) return String(t) === "Date32<DAY>" ? "DateDay" : null;
  if (t.typeId === Type.Timestamp)
    return String(t) === "Timestamp<MILLISECOND>" ? "TimestampMillisecond" : null;
  return null;
}

/**
 * DuckDB types that queryToArrow maps faithfully: it turns any other type into Float64 (a LIST
 * or an INTERVAL would arrive as NaN), so the source types are checked too.
 */
const MAPPED =
  /^(VARCHAR|DOUBLE|INTEGER|SMALLINT|TINYINT|BIGINT|HUGEINT|DECIMAL\(\d+,\d+\)|DATE|TIMESTAMP|BOOLEAN)$/;

describe("every default extract on the tiny preset", () => {
  let store: DuckDBStore;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "extracts-tiny-"));
    await generateDataset({ preset: "tiny", seed: 42, out: join(dir, "dataset"), formats: ["parquet"] });
    store = await DuckDBStore.open({ path: ":memory:" });
    for (const stream of STREAM_NAMES) {
      await store.loadParquet(stream, [join(dir, "dataset", `${stream}.parquet`)], { batchId: stream });
    }
    await loadSites(store, generateSites({ seed: 42 }));
    await loadTowns(
      store,
      TOWNS.map((t) => ({ code: t.code, name: t.name, kind: t.kind, lon: t.seat[0], lat: t.seat[1] })),
    );
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(DEFAULT_EXTRACTS.map((d) => [d.name, d] as const))(
    "%s has rows and only DuckDB-WASM-friendly column types",
    async (_name, def) => {
      const table = await store.queryArrow(def.sql);
      expect(table.numRows).toBeGreaterThan(0);
      const odd = table.schema.fields
        .filter((f) => wasmFriendly(f.type) === null)
        .map((f) => `${f.name}: ${f.type}`);
      expect(odd).toEqual([]);
      const described = await store.query(`DESCRIBE ${def.sql}`);
      const unmapped = described.filter((c) => !MAPPED.test(String(c.column_type)));
      expect(unmapped.map((c) => `${c.column_name}: ${c.column_type}`)).toEqual([]);
      if (def.timeColumn) expect(table.schema.fields.map((f) => f.name)).toContain(def.timeColumn);
    },
  );

  it("publishes them all, names joined from the sites", async () => {
    const m = await publishExtracts(store, join(dir, "extracts"), DEFAULT_EXTRACTS);
    expect(m.extracts.map((e) => e.name)).toEqual(DEFAULT_EXTRACTS.map((d) => d.name));
    for (const def of DEFAULT_EXTRACTS.filter((d) =>
      ["septic_status", "air_latest", "traffic_congestion"].includes(d.name),
    )) {
      const unnamed = await store.query(
        `SELECT count(*) AS n FROM (${def.sql}) WHERE name IS NULL OR lon IS NULL`,
      );
      expect([def.name, unnamed]).toEqual([def.name, [{ n: 0 }]]);
    }
  });
});
