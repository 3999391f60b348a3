import { describe, expect, it } from "vitest";
import { buildSql } from "./build-sql.ts";
import type { FieldTypes } from "./field-type.ts";

const fields: FieldTypes = {
  day: "date",
  town_code: "string",
  town_name: "string",
  carrier: "string",
  value: "number",
  tce: "number",
  ts: "timestamp",
};

describe("buildSql reference output", () => {
  it("a single total", () => {
    expect(
      buildSql({ from: "energy_daily_town", measures: [{ field: "tce", agg: "sum", as: "tce" }] }),
    ).toEqual({
      sql: 'SELECT sum("tce") AS "tce"\nFROM "energy_daily_town"',
      params: [],
      columns: ["tce"],
    });
  });

  it("a ranking with filters, order and limit", () => {
    const q = buildSql(
      {
        from: "energy_daily_town",
        measures: [{ field: "tce", agg: "sum" }],
        dimensions: [{ field: "town_code" }, { field: "town_name" }],
        filters: [
          { field: "carrier", op: "in", values: ["electricity", "gas"] },
          { field: "day", op: "between", values: ["2024-01-01", "2024-01-31"] },
        ],
        orderBy: [{ field: "sum_tce", dir: "desc" }],
        limit: 10,
      },
      { fields },
    );
    expect(q.sql).toBe(
      [
        'SELECT "town_code" AS "town_code", "town_name" AS "town_name", sum("tce") AS "sum_tce"',
        'FROM "energy_daily_town"',
        'WHERE "carrier" IN (?, ?) AND "day" BETWEEN ? AND ?',
        "GROUP BY 1, 2",
        'ORDER BY "sum_tce" DESC',
        "LIMIT 10",
      ].join("\n"),
    );
    expect(q.params).toEqual(["electricity", "gas", "2024-01-01", "2024-01-31"]);
    expect(q.columns).toEqual(["town_code", "town_name", "sum_tce"]);
  });

  it("every comparison operator and aggregate", () => {
    const q = buildSql({
      from: "t",
      measures: [
        { field: "*", agg: "count" },
        { field: "a", agg: "avg" },
        { field: "a", agg: "min" },
        { field: "a", agg: "max" },
        { field: "b", agg: "count_distinct" },
      ],
      filters: [
        { field: "a", op: "eq", values: [1] },
        { field: "a", op: "neq", values: [2] },
        { field: "a", op: "gte", values: [3] },
        { field: "a", op: "lte", values: [4] },
        { field: "a", op: "gt", values: [5] },
        { field: "b", op: "lt", values: ["z"] },
      ],
    });
    expect(q.sql).toBe(
      'SELECT count(*) AS "count", avg("a") AS "avg_a", min("a") AS "min_a", max("a") AS "max_a", ' +
        'count(DISTINCT "b") AS "count_distinct_b"\nFROM "t"\n' +
        'WHERE "a" = ? AND "a" <> ? AND "a" >= ? AND "a" <= ? AND "a" > ? AND "b" < ?',
    );
    expect(q.params).toEqual([1, 2, 3, 4, 5, "z"]);
  });

  it("time grains: dates truncate as dates, UTC timestamps in Asia/Shanghai", () => {
    const q = buildSql(
      {
        from: "energy_daily_town",
        measures: [{ field: "tce", agg: "sum", as: "tce" }],
        dimensions: [
          { field: "day", grain: "month", as: "month" },
          { field: "ts", grain: "hour", as: "hour" },
        ],
      },
      { fields },
    );
    expect(q.sql).toBe(
      [
        `SELECT CAST(date_trunc('month', "day") AS DATE) AS "month", ` +
          `date_trunc('hour', "ts" + INTERVAL 8 HOUR) AS "hour", sum("tce") AS "tce"`,
        'FROM "energy_daily_town"',
        "GROUP BY 1, 2",
        'ORDER BY "month" ASC, "hour" ASC',
      ].join("\n"),
    );
  });

  it("a grain on a field of unknown type is a plain date_trunc", () => {
    const q = buildSql({ from: "t", dimensions: [{ field: "d", grain: "week" }] });
    expect(q.sql).toBe(`SELECT date_trunc('week', "d") AS "d"\nFROM "t"\nGROUP BY ALL\nORDER BY "d" ASC`);
  });

  it("hostile values stay parameters", () => {
    const q = buildSql({
      from: "t",
      measures: [{ field: "*", agg: "count" }],
      filters: [{ field: "name", op: "eq", values: [`x'; DROP TABLE t; --`] }],
    });
    expect(q.sql).not.toContain("DROP");
    expect(q.params).toEqual([`x'; DROP TABLE t; --`]);
  });
});
