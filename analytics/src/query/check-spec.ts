import type { FieldTypes } from "./field-type.ts";
import { dimensionAlias, measureAlias } from "./output-names.ts";
import type { QuerySpecIssue } from "./query-spec-error.ts";
import type { QuerySpec } from "./query-spec.ts";

const NUMERIC_AGGS = new Set(["sum", "avg"]);

/**
 * Problems a schema cannot see: an empty select list, duplicate output names, unknown fields
 * (when the extract's field types are known), non-numeric sums, orderBy on a non-output column,
 * and comparisons without exactly one period dimension of a fitting grain.
 */
export function checkSpec(spec: QuerySpec, fields: FieldTypes | undefined): QuerySpecIssue[] {
  const issues: QuerySpecIssue[] = [];
  const measures = spec.measures ?? [];
  const dimensions = spec.dimensions ?? [];
  if (measures.length === 0 && dimensions.length === 0) {
    issues.push({ path: "", message: "needs at least one measure or dimension" });
  }
  if (spec.compare) {
    const periods = dimensions.filter((d) => d.grain);
    const grain = periods[0]?.grain;
    if (periods.length !== 1) {
      issues.push({
        path: "compare",
        message: `compare "${spec.compare}" needs exactly one dimension with a time grain (the period), got ${periods.length}`,
      });
    } else if (spec.compare === "mom" && grain !== "month") {
      issues.push({
        path: "compare",
        message: `compare "mom" compares months: the period dimension needs grain "month", got "${grain}"`,
      });
    } else if (spec.compare === "yoy" && grain === "week") {
      issues.push({
        path: "compare",
        message: `compare "yoy" cannot pair weeks across years; use grain "day", "month", "quarter" or "year"`,
      });
    }
    measures.forEach((m, i) => {
      const type = fields?.[m.field];
      if ((m.agg === "min" || m.agg === "max") && type !== undefined && type !== "number")
        issues.push({
          path: `measures[${i}].agg`,
          message: `compare needs numeric measures; "${m.agg}" of "${m.field}" is ${type}`,
        });
    });
  }
  const known = (path: string, field: string): void => {
    if (fields && field !== "*" && !(field in fields)) {
      const list = Object.keys(fields).join(", ");
      issues.push({
        path,
        message: `unknown field "${field}" in extract "${spec.from}"; known fields: ${list}`,
      });
    }
  };
  const outputs = new Set<string>();
  const addOutput = (path: string, alias: string): void => {
    if (outputs.has(alias))
      issues.push({ path, message: `output column "${alias}" appears twice; give one an "as"` });
    outputs.add(alias);
  };
  dimensions.forEach((d, i) => {
    known(`dimensions[${i}].field`, d.field);
    addOutput(`dimensions[${i}]`, dimensionAlias(d));
  });
  measures.forEach((m, i) => {
    known(`measures[${i}].field`, m.field);
    addOutput(`measures[${i}]`, measureAlias(m));
    if (spec.compare) {
      addOutput(`measures[${i}]`, `${measureAlias(m)}_prev`);
      addOutput(`measures[${i}]`, `${measureAlias(m)}_change`);
    }
    const type = fields?.[m.field];
    if (NUMERIC_AGGS.has(m.agg) && type !== undefined && type !== "number") {
      issues.push({
        path: `measures[${i}].agg`,
        message: `"${m.agg}" needs a numeric field, "${m.field}" is ${type}`,
      });
    }
  });
  (spec.filters ?? []).forEach((f, i) => known(`filters[${i}].field`, f.field));
  (spec.orderBy ?? []).forEach((o, i) => {
    if (!outputs.has(o.field)) {
      const list = [...outputs].join(", ");
      issues.push({
        path: `orderBy[${i}].field`,
        message: `"${o.field}" is not an output column; order by one of: ${list}`,
      });
    }
  });
  return issues;
}
