import { describe, expect, it } from "vitest";
import { buildSql } from "./build-sql.ts";
import { parseQuerySpec } from "./parse-query-spec.ts";
import { QuerySpecError } from "./query-spec-error.ts";
import type { QuerySpec } from "./query-spec.ts";

function errorOf(spec: unknown, fields?: Record<string, "number" | "string" | "date">): string {
  try {
    buildSql(spec as QuerySpec, fields ? { fields } : {});
  } catch (e) {
    expect(e).toBeInstanceOf(QuerySpecError);
    return (e as Error).message;
  }
  throw new Error("expected a QuerySpecError");
}

describe("bad specs give errors that name the field and path", () => {
  it("rejects an identifier with SQL in it", () => {
    expect(errorOf({ from: "t; DROP TABLE x", measures: [{ field: "*", agg: "count" }] })).toBe(
      'invalid query spec: from: expected an identifier (letters, digits, _; not starting with a digit; ≤ 63 chars), got "t; DROP TABLE x"',
    );
    expect(errorOf({ from: "t", measures: [{ field: 'a"b', agg: "sum" }] })).toContain("measures[0].field: ");
  });

  it("names the filter field and the arity", () => {
    expect(
      errorOf({
        from: "t",
        dimensions: [{ field: "a" }],
        filters: [{ field: "day", op: "between", values: ["2024-01-01"] }],
      }),
    ).toBe(
      'invalid query spec: filters[0].values: filter on field "day": op "between" needs exactly 2 value(s), got 1',
    );
    expect(
      errorOf({ from: "t", dimensions: [{ field: "a" }], filters: [{ field: "c", op: "in", values: [] }] }),
    ).toContain('filters[0].values: filter on field "c": op "in" needs 1 to 10000 value(s), got 0');
  });

  it("rejects unknown aggregates, grains, operators and keys", () => {
    expect(errorOf({ from: "t", measures: [{ field: "a", agg: "median" }] })).toContain("measures[0].agg:");
    expect(errorOf({ from: "t", dimensions: [{ field: "a", grain: "minute" }] })).toContain(
      "dimensions[0].grain:",
    );
    expect(
      errorOf({
        from: "t",
        dimensions: [{ field: "a" }],
        filters: [{ field: "a", op: "like", values: ["x"] }],
      }),
    ).toContain("filters[0].op:");
    expect(errorOf({ from: "t", dimensions: [{ field: "a" }], sql: "SELECT 1" })).toContain("sql");
    expect(errorOf({ from: "t", measures: [{ field: "*", agg: "sum" }] })).toContain(
      'measures[0].field: "*" is only allowed with agg "count"',
    );
  });

  it("rejects objects and nulls as filter values", () => {
    expect(
      errorOf({
        from: "t",
        dimensions: [{ field: "a" }],
        filters: [{ field: "a", op: "eq", values: [null] }],
      }),
    ).toContain("filters[0].values[0]");
  });

  it("checks semantics: empty select, duplicates, orderBy, unknown fields, numeric sums, grains", () => {
    expect(errorOf({ from: "t" })).toBe("invalid query spec: needs at least one measure or dimension");
    expect(
      errorOf({
        from: "t",
        measures: [
          { field: "a", agg: "sum", as: "x" },
          { field: "b", agg: "sum", as: "x" },
        ],
      }),
    ).toContain('measures[1]: output column "x" appears twice');
    expect(
      errorOf({ from: "t", measures: [{ field: "a", agg: "sum" }], orderBy: [{ field: "a" }] }),
    ).toContain('orderBy[0].field: "a" is not an output column; order by one of: sum_a');
    const fields = { day: "date", tce: "number", town_name: "string" } as const;
    expect(errorOf({ from: "e", measures: [{ field: "tec", agg: "sum" }] }, fields)).toBe(
      'invalid query spec: measures[0].field: unknown field "tec" in extract "e"; known fields: day, tce, town_name',
    );
    expect(errorOf({ from: "e", measures: [{ field: "town_name", agg: "sum" }] }, fields)).toContain(
      '"sum" needs a numeric field, "town_name" is string',
    );
    expect(errorOf({ from: "e", dimensions: [{ field: "day", grain: "hour" }] }, fields)).toContain(
      'dimensions[0].grain: grain "hour" needs a timestamp field, but "day" is a DATE',
    );
  });

  it("asks a comparison for exactly one period dimension of a grain it can pair", () => {
    const sum = [{ field: "a", agg: "sum" as const }];
    expect(errorOf({ from: "t", measures: sum, compare: "yoy" })).toContain(
      'compare: compare "yoy" needs exactly one dimension with a time grain (the period), got 0',
    );
    expect(
      errorOf({ from: "t", measures: sum, dimensions: [{ field: "d", grain: "day" }], compare: "mom" }),
    ).toContain('compare "mom" compares months: the period dimension needs grain "month", got "day"');
    expect(
      errorOf({ from: "t", measures: sum, dimensions: [{ field: "d", grain: "week" }], compare: "yoy" }),
    ).toContain('compare "yoy" cannot pair weeks across years');
    expect(
      errorOf({
        from: "t",
        measures: [
          { field: "a", agg: "sum", as: "a_prev" },
          { field: "b", agg: "sum", as: "a" },
        ],
        dimensions: [{ field: "d", grain: "month" }],
        compare: "mom",
      }),
    ).toContain('output column "a_prev" appears twice');
  });

  it("parseQuerySpec accepts a good spec unchanged", () => {
    const spec = { from: "t", measures: [{ field: "a", agg: "sum" }], limit: 5 };
    expect(parseQuerySpec(spec)).toEqual(spec);
  });
});
