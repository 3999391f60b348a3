import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brushFilters, buildBrushCube, type BrushBins } from "./brush-cube.ts";
import { buildSql } from "./build-sql.ts";
import { openTestDb, type NodeTestDb } from "./duckdb-node.test-support.ts";
import type { FieldTypes } from "./field-type.ts";
import type { Row } from "./query-connector.ts";
import type { QuerySpec } from "./query-spec.ts";
import { withFilters } from "./with-filters.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 1);

let db: NodeTestDb;
let hourly: FieldTypes;
let daily: FieldTypes;

beforeAll(async () => {
  db = await openTestDb([
    // 60 days of hourly readings over 5 towns and 3 carriers; some values missing.
    `CREATE TABLE hourly AS
     SELECT TIMESTAMP '2026-01-01 00:00:00' + to_hours(h) AS ts,
            'T' || (i % 5) AS town_code,
            ['electricity', 'water', 'gas'][1 + (i * 7 + h) % 3] AS carrier,
            CASE WHEN (i + h) % 17 = 0 THEN NULL ELSE round(((i * 31 + h * 7) % 1000) / 10.0, 1) END AS value
     FROM range(0, 60 * 24) r(h), range(0, 12) s(i)`,
    `CREATE TABLE daily AS
     SELECT CAST(ts AS DATE) AS day, town_code, carrier, sum(value) AS tce FROM hourly GROUP BY ALL`,
  ]);
  hourly = await db.describe("hourly");
  daily = await db.describe("daily");
});
afterAll(() => db.close());

/** Rows with numbers rounded (sums combined in another order differ in the last bits). */
const rounded = (rows: Row[]) =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v]),
    ),
  );

async function compare(spec: QuerySpec, bins: BrushBins, fields: FieldTypes, ranges: [number, number][]) {
  const cube = buildBrushCube(spec, bins, "cube_test", { fields });
  expect(cube).not.toBeNull();
  await db.connector.query(cube!.build.sql, cube!.build.params);
  for (const range of ranges) {
    const direct = buildSql(withFilters(spec, brushFilters(bins, range, fields[bins.field])), { fields });
    const fromCube = cube!.query(range);
    expect(fromCube.columns).toEqual(direct.columns);
    const expected = await db.connector.query(direct.sql, direct.params);
    const got = await db.connector.query(fromCube.sql, fromCube.params);
    expect(rounded(got), `range ${range.map((v) => new Date(v).toISOString()).join(" – ")}`).toEqual(
      rounded(expected),
    );
  }
  await db.connector.query(cube!.drop, []);
}

const hourBins: BrushBins = { field: "ts", start: T0, step: HOUR };
const RANGES: [number, number][] = [
  [T0, T0 + 60 * DAY], // everything
  [T0 + 5 * HOUR, T0 + 3 * DAY + 7 * HOUR],
  [T0 + 10 * DAY, T0 + 10 * DAY], // empty brush
  [T0 + 59 * DAY + 23 * HOUR, T0 + 70 * DAY], // runs past the data
  [T0 - 5 * DAY, T0 + HOUR],
];

describe("buildBrushCube on a real DuckDB: the cube answers exactly as the direct query", () => {
  it("a total: sum, avg, min, max and counts", async () => {
    await compare(
      {
        from: "hourly",
        measures: [
          { field: "value", agg: "sum" },
          { field: "value", agg: "avg" },
          { field: "value", agg: "min" },
          { field: "value", agg: "max" },
          { field: "value", agg: "count" },
          { field: "*", agg: "count" },
        ],
      },
      hourBins,
      hourly,
      RANGES,
    );
  });

  it("grouped by town and a day grain, filtered, ordered by a measure and limited", async () => {
    await compare(
      {
        from: "hourly",
        dimensions: [{ field: "town_code" }, { field: "ts", grain: "day", as: "day" }],
        measures: [
          { field: "value", agg: "sum", as: "total" },
          { field: "value", agg: "avg" },
        ],
        filters: [{ field: "carrier", op: "in", values: ["electricity", "gas"] }],
        orderBy: [{ field: "total", dir: "desc" }, { field: "town_code" }, { field: "day" }],
        limit: 7,
      },
      { field: "ts", start: T0, step: 6 * HOUR },
      hourly,
      RANGES.map(([a, b]) => [a - (a % (6 * HOUR)), b - (b % (6 * HOUR))] as [number, number]),
    );
  });

  it("a DATE field brushed by days", async () => {
    await compare(
      {
        from: "daily",
        dimensions: [{ field: "carrier" }],
        measures: [
          { field: "tce", agg: "sum" },
          { field: "*", agg: "count" },
        ],
      },
      { field: "day", start: T0, step: DAY },
      daily,
      [
        [T0, T0 + 60 * DAY],
        [T0 + 3 * DAY, T0 + 11 * DAY],
        [T0 + 20 * DAY, T0 + 21 * DAY],
      ],
    );
  });

  it("is small: groups × bins, not rows", async () => {
    const cube = buildBrushCube(
      { from: "hourly", dimensions: [{ field: "town_code" }], measures: [{ field: "value", agg: "sum" }] },
      { field: "ts", start: T0, step: DAY },
      "cube_size",
      { fields: hourly },
    )!;
    await db.connector.query(cube.build.sql, cube.build.params);
    const [n] = await db.connector.query(`SELECT count(*) AS n FROM cube_size`, []);
    expect(n?.n).toBe(5 * 60);
  });
});

describe("buildBrushCube refuses what it cannot answer exactly", () => {
  it("gives null for count_distinct and for a spec already filtering the brushed field", () => {
    expect(
      buildBrushCube(
        { from: "hourly", measures: [{ field: "town_code", agg: "count_distinct" }] },
        hourBins,
        "c",
      ),
    ).toBeNull();
    expect(
      buildBrushCube(
        {
          from: "hourly",
          measures: [{ field: "value", agg: "sum" }],
          filters: [{ field: "ts", op: "gte", values: ["2026-01-02"] }],
        },
        hourBins,
        "c",
      ),
    ).toBeNull();
  });

  it("names a range off the bin edges, bad bins and an unknown brushed field", () => {
    const cube = buildBrushCube(
      { from: "hourly", measures: [{ field: "value", agg: "sum" }] },
      hourBins,
      "c",
    )!;
    expect(() => cube.query([T0 + 1, T0 + HOUR])).toThrow(/range: expected bin edges/);
    expect(() =>
      buildBrushCube(
        { from: "hourly", measures: [{ field: "value", agg: "sum" }] },
        { ...hourBins, step: 0 },
        "c",
      ),
    ).toThrow(/bins: expected a finite start and a positive step/);
    expect(() =>
      buildBrushCube(
        { from: "hourly", measures: [{ field: "value", agg: "sum" }] },
        { ...hourBins, field: "when" },
        "c",
        { fields: hourly },
      ),
    ).toThrow(/unknown field "when"/);
  });
});
