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

describe("comparisons on a real DuckDB (hand-computed answers)", () => {
  let cmp: NodeTestDb;
  let sales: FieldTypes;
  let hourly: FieldTypes;
  beforeAll(async () => {
    cmp = await openTestDb([
      `CREATE TABLE sales (day DATE, town VARCHAR, v DOUBLE)`,
      `INSERT INTO sales VALUES
        ('2025-01-15', 'T1', 10), ('2025-02-10', 'T1', 20), ('2025-02-28', 'T2', 0),
        ('2025-12-31', 'T1', 8),
        ('2026-01-20', 'T1', 15), ('2026-02-05', 'T1', 30), ('2026-02-06', 'T2', 5)`,
      // UTC instants: 2025-03-01 16:30Z is 2 March in Shanghai.
      `CREATE TABLE hourly (ts TIMESTAMP, v DOUBLE)`,
      `INSERT INTO hourly VALUES ('2025-03-01 16:30:00', 4), ('2025-03-01 15:30:00', 1),
        ('2026-03-01 16:10:00', 6), ('2026-03-01 15:59:00', 2)`,
    ]);
    sales = await cmp.describe("sales");
    hourly = await cmp.describe("hourly");
  });
  afterAll(() => cmp.close());

  const runOn = async (spec: QuerySpec, fields: FieldTypes) => {
    const { sql, params, columns } = buildSql(spec, { fields });
    const rows = await cmp.connector.query(sql, params);
    expect(Object.keys(rows[0] ?? {})).toEqual(columns);
    return rows;
  };

  it("yoy by month and town: last year's value and the change, filters read on last year's shifted time", async () => {
    const rows = await runOn(
      {
        from: "sales",
        dimensions: [{ field: "day", grain: "month", as: "month" }, { field: "town" }],
        measures: [{ field: "v", agg: "sum", as: "v" }],
        filters: [{ field: "day", op: "gte", values: ["2026-01-01"] }],
        compare: "yoy",
      },
      sales,
    );
    expect(rows).toEqual([
      { month: "2026-01-01", town: "T1", v: 15, v_prev: 10, v_change: 0.5 },
      { month: "2026-02-01", town: "T1", v: 30, v_prev: 20, v_change: 0.5 },
      { month: "2026-02-01", town: "T2", v: 5, v_prev: 0, v_change: null }, // no change from zero
    ]);
  });

  it("mom by month: the month before, null where there was none", async () => {
    const rows = await runOn(
      {
        from: "sales",
        dimensions: [{ field: "day", grain: "month", as: "month" }],
        measures: [
          { field: "v", agg: "sum", as: "v" },
          { field: "*", agg: "count" },
        ],
        orderBy: [{ field: "month", dir: "desc" }],
        limit: 3,
        compare: "mom",
      },
      sales,
    );
    expect(rows).toEqual([
      { month: "2026-02-01", v: 35, count: 2, v_prev: 15, v_change: 4 / 3, count_prev: 1, count_change: 1 },
      { month: "2026-01-01", v: 15, count: 1, v_prev: 8, v_change: 7 / 8, count_prev: 1, count_change: 0 },
      {
        month: "2025-12-01",
        v: 8,
        count: 1,
        v_prev: null,
        v_change: null,
        count_prev: null,
        count_change: null,
      },
    ]);
  });

  it("yoy by Shanghai day on UTC timestamps", async () => {
    const rows = await runOn(
      {
        from: "hourly",
        dimensions: [{ field: "ts", grain: "day", as: "day" }],
        measures: [{ field: "v", agg: "sum", as: "v" }],
        filters: [{ field: "ts", op: "gte", values: ["2026-01-01 00:00:00"] }],
        compare: "yoy",
      },
      hourly,
    );
    expect(rows).toEqual([
      { day: "2026-03-01 00:00:00", v: 2, v_prev: 1, v_change: 1 },
      { day: "2026-03-02 00:00:00", v: 6, v_prev: 4, v_change: 0.5 },
    ]);
  });
});
