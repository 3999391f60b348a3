import type { FieldType, FieldTypes, QuerySpec, QuerySpecIssue } from "@citybrain/analytics/browser";
import { parseTime } from "@citybrain/datasets";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// UTC instants as DuckDB reads them: it would silently ignore any offset but Z.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?Z?$/;
// The DuckDB driver binds integral JS numbers as BIGINT.
const INT64_LIMIT = 2 ** 63;

function problem(type: FieldType, v: unknown): string | null {
  if (typeof v === "number" && Number.isInteger(v) && !(Math.abs(v) < INT64_LIMIT)) {
    return `${v} is out of range (at most ±9.2e18)`;
  }
  switch (type) {
    case "number":
      return typeof v === "number" ? null : `expected a number, got ${JSON.stringify(v)}`;
    case "string":
      return typeof v === "string" ? null : `expected text, got ${JSON.stringify(v)}`;
    case "boolean":
      return typeof v === "boolean" ? null : `expected true or false, got ${JSON.stringify(v)}`;
    case "date":
      return typeof v === "string" && DATE.test(v) && parseTime(v) !== undefined
        ? null
        : `expected a date YYYY-MM-DD, got ${JSON.stringify(v)}`;
    case "timestamp":
      return typeof v === "string" && TIMESTAMP.test(v) && parseTime(v.replace(/Z$/, "")) !== undefined
        ? null
        : `expected a UTC time like 2026-03-01T08:00:00Z, got ${JSON.stringify(v)}`;
    default:
      return null;
  }
}

/**
 * Filter values the extract's column types cannot take (text for a number, a bad date, a number
 * too big to bind): each would otherwise fail inside DuckDB. Unknown fields are left to the
 * builder's own check.
 * @example
 * checkFilterValues({ from: "t", filters: [{ field: "day", op: "eq", values: ["abc"] }] }, { day: "date" });
 * // => [{ path: "filters[0].values[0]", message: 'field "day": expected a date YYYY-MM-DD, got "abc"' }]
 */
export function checkFilterValues(spec: QuerySpec, fields: FieldTypes): QuerySpecIssue[] {
  const issues: QuerySpecIssue[] = [];
  (spec.filters ?? []).forEach((f, i) => {
    const type = fields[f.field];
    if (type === undefined) return;
    f.values.forEach((v, j) => {
      const p = problem(type, v);
      if (p) issues.push({ path: `filters[${i}].values[${j}]`, message: `field "${f.field}": ${p}` });
    });
  });
  return issues;
}
