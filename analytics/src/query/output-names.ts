import type { Dimension, Measure } from "./query-spec.ts";

/** The output column name of a measure: its `as`, else `count` for `count(*)`, else `${agg}_${field}`. */
export function measureAlias(m: Measure): string {
  if (m.as) return m.as;
  return m.field === "*" ? "count" : `${m.agg}_${m.field}`;
}

/** The output column name of a dimension: its `as`, else the field name. */
export function dimensionAlias(d: Dimension): string {
  return d.as ?? d.field;
}
