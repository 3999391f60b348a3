import { describe, expect, it } from "vitest";
import { inlineParams, sqlExpr, withScopedTable } from "./inline-params.ts";

describe("inlineParams", () => {
  it("writes literals in placeholder order, leaving quoted text alone", () => {
    const sql = inlineParams({
      sql: `SELECT ?, ?, ?, ?, '?', "a?b", CAST(? AS DATE)`,
      params: [1.5, "it's", true, null, "2026-03-01"],
    });
    expect(sql).toBe(`SELECT 1.5, 'it''s', TRUE, NULL, '?', "a?b", CAST('2026-03-01' AS DATE)`);
  });

  it("puts expressions in parentheses", () => {
    const q = { sql: "WHERE d >= CAST(? AS DATE) AND d < ?", params: ["x", "y"] };
    expect(inlineParams(q, [sqlExpr("SELECT max(d) FROM t"), 3])).toBe(
      "WHERE d >= CAST((SELECT max(d) FROM t) AS DATE) AND d < 3",
    );
  });

  it("refuses a count mismatch and non-finite numbers", () => {
    expect(() => inlineParams({ sql: "SELECT ?", params: [] })).toThrow(
      /more placeholders than the 0 values/,
    );
    expect(() => inlineParams({ sql: "SELECT 1", params: [2] })).toThrow(/0 placeholders but 1 values/);
    expect(() => inlineParams({ sql: "SELECT ?", params: [Number.NaN] })).toThrow(/parameter 1 is NaN/);
  });
});

describe("withScopedTable", () => {
  it("adds a CTE before an existing WITH, or a WITH before a plain query", () => {
    expect(withScopedTable("WITH a AS (SELECT 1) SELECT * FROM a, t", "t", "SELECT 2")).toBe(
      'WITH "t" AS (SELECT 2),\na AS (SELECT 1) SELECT * FROM a, t',
    );
    expect(withScopedTable("SELECT * FROM t", "t", "SELECT 2")).toBe(
      'WITH "t" AS (SELECT 2)\nSELECT * FROM t',
    );
  });
});
