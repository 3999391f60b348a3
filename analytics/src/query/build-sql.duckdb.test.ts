import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSql } from "./build-sql.ts";
import { openTestDb } from "./duckdb-node.test-support.ts";
import type { NodeTestDb } from "./duckdb-node.test-support.ts";
import type { FieldTypes } from "./field-type.ts";
import { ENERGY_FIXTURE_SQL, READINGS_FIXTURE_SQL } from "./fixtures.test-support.ts";
import type { QuerySpec } from "./query-spec.ts";
import { withFilters } from "./with-filters.ts";

let db: NodeTestDb;
let energy: FieldTypes;
let readings: FieldTypes;

beforeAll(async () => {
  db = await openTestDb([...ENERGY_FIXTURE_SQL, ...READINGS_FIXTURE_SQL]);
  energy = await db.describe("energy_daily_town");
  readings = await db.describe("readings");
});
afterAll(() => db.close());

async function run(spec: QuerySpec, fields: FieldTypes = energy) {
  const { sql, params } = buildSql(spec, { fields });
  return db.connector.query(sql, params);
}

describe("buildSql on a real DuckDB (hand-computed answers)", () => {
  it("describes the fixture's field types", () => {
    expect(energy).toEqual({
      day: "date",
      town_code: "string",
      town_name: "string",
      carrier: "string",
      value: "number",
      tce: "number",
    });
    expect(readings).toEqual({ ts: "timestamp", v: "number" });
  });

  it("totals, counts, averages, extremes", async () => {
    const rows = await run({
      from: "energy_daily_town",
      measures: [
        { field: "tce", agg: "sum" },
        { field: "*", agg: "count" },
        { field: "town_code", agg: "count_distinct", as: "towns" },
        { field: "tce", agg: "min" },
        { field: "tce", agg: "max" },
      ],
    });
    expect(rows).toEqual([{ sum_tce: 8.375, count: 7, towns: 3, min_tce: 0.125, max_tce: 3 }]);
  });

  it("ranks towns by tce", async () => {
    const rows = await run({
      from: "energy_daily_town",
      measures: [{ field: "tce", agg: "sum", as: "tce" }],
      dimensions: [{ field: "town_name" }],
      orderBy: [{ field: "tce", dir: "desc" }],
      limit: 2,
    });
    expect(rows).toEqual([
      { town_name: "桂林街道", tce: 4.75 },
      { town_name: "梓潼街道", tce: 3.5 },
    ]);
  });

  it("filters with in + between on a DATE column, bound as strings", async () => {
    const rows = await run({
      from: "energy_daily_town",
      measures: [
        { field: "tce", agg: "sum", as: "tce" },
        { field: "value", agg: "avg" },
      ],
      filters: [
        { field: "carrier", op: "in", values: ["electricity", "gas"] },
        { field: "day", op: "between", values: ["2024-01-01", "2024-01-31"] },
      ],
    });
    expect(rows).toEqual([{ tce: 6.75, avg_value: (1000 + 2000 + 1200 + 500) / 4 }]);
  });

  it("crossfilter: withFilters narrows a panel's spec to a town", async () => {
    const spec: QuerySpec = {
      from: "energy_daily_town",
      measures: [{ field: "tce", agg: "sum", as: "tce" }],
      dimensions: [{ field: "carrier" }],
    };
    const rows = await run(withFilters(spec, [{ field: "town_code", op: "eq", values: ["T1"] }]));
    expect(rows).toEqual([
      { carrier: "electricity", tce: 3.25 },
      { carrier: "water", tce: 0.25 },
    ]);
  });

  it("month and ISO-week grains on a DATE", async () => {
    const month = await run({
      from: "energy_daily_town",
      measures: [{ field: "tce", agg: "sum", as: "tce" }],
      dimensions: [{ field: "day", grain: "month", as: "m" }],
    });
    expect(month).toEqual([
      { m: "2024-01-01", tce: 7 },
      { m: "2024-02-01", tce: 1.375 },
    ]);
    const week = await run({
      from: "energy_daily_town",
      measures: [{ field: "tce", agg: "sum", as: "tce" }],
      dimensions: [{ field: "day", grain: "week", as: "w" }],
    });
    expect(week).toEqual([
      { w: "2024-01-01", tce: 7 },
      { w: "2024-02-05", tce: 1.375 },
    ]);
  });

  it("day and month grains on UTC timestamps follow Asia/Shanghai", async () => {
    const day = await run(
      {
        from: "readings",
        measures: [{ field: "v", agg: "sum", as: "v" }],
        dimensions: [{ field: "ts", grain: "day", as: "d" }],
      },
      readings,
    );
    expect(day).toEqual([
      { d: "2024-01-01 00:00:00", v: 1 },
      { d: "2024-01-02 00:00:00", v: 2 },
      { d: "2024-02-01 00:00:00", v: 4 },
    ]);
    const month = await run(
      {
        from: "readings",
        measures: [{ field: "v", agg: "sum", as: "v" }],
        dimensions: [{ field: "ts", grain: "month", as: "m" }],
      },
      readings,
    );
    expect(month).toEqual([
      { m: "2024-01-01 00:00:00", v: 3 },
      { m: "2024-02-01 00:00:00", v: 4 },
    ]);
  });

  it("a hostile value matches nothing and drops nothing", async () => {
    const rows = await run({
      from: "energy_daily_town",
      measures: [{ field: "*", agg: "count" }],
      filters: [{ field: "town_name", op: "eq", values: ["x' OR 1=1; DROP TABLE energy_daily_town; --"] }],
    });
    expect(rows).toEqual([{ count: 0 }]);
    expect(await run({ from: "energy_daily_town", measures: [{ field: "*", agg: "count" }] })).toEqual([
      { count: 7 },
    ]);
  });
});
