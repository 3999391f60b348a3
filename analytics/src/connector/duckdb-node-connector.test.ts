import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSql } from "../query/build-sql.ts";
import { DuckDBNodeConnector, QueryCancelledError } from "./duckdb-node-connector.ts";

describe("DuckDBNodeConnector", () => {
  let instance: DuckDBInstance;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    await c.run(
      `CREATE TABLE t AS SELECT DATE '2026-03-01' + (i % 3)::INTEGER AS day, 'T' || (i % 2) AS town, i::DOUBLE AS tce FROM range(10) r(i)`,
    );
    c.closeSync();
  });
  afterAll(() => instance.closeSync());

  it("answers a spec's SQL with normalised cells and describes fields", async () => {
    const db = new DuckDBNodeConnector(instance);
    const fields = await db.describe("t");
    expect(fields).toEqual({ day: "date", town: "string", tce: "number" });
    const q = buildSql(
      {
        from: "t",
        dimensions: [{ field: "town" }],
        measures: [{ field: "tce", agg: "sum" }],
        filters: [{ field: "day", op: "gte", values: ["2026-03-02"] }],
        orderBy: [{ field: "town" }],
      },
      { fields },
    );
    // Rows with i % 3 ≥ 1: i = 1,2,4,5,7,8 → T0: 2+4+8 = 14, T1: 1+5+7 = 13.
    expect(await db.query(q.sql, q.params)).toEqual([
      { town: "T0", sum_tce: 14 },
      { town: "T1", sum_tce: 13 },
    ]);
  });

  it("cancels a query past its time limit", async () => {
    const db = new DuckDBNodeConnector(instance, { timeoutMs: 100 });
    const started = Date.now();
    await expect(
      db.query("SELECT sum(a.range * b.range) FROM range(100000000) a, range(1000) b", []),
    ).rejects.toThrow(QueryCancelledError);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("cancels when the caller aborts", async () => {
    const db = new DuckDBNodeConnector(instance, { timeoutMs: 60_000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    await expect(
      db.query("SELECT sum(a.range * b.range) FROM range(100000000) a, range(1000) b", [], ac.signal),
    ).rejects.toThrow(/cancelled by the client/);
  });
});
