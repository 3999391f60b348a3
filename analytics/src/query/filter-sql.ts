import { quoteIdentifier } from "./identifier.ts";
import type { Filter } from "./query-spec.ts";

const COMPARATORS = { eq: "=", neq: "<>", gte: ">=", lte: "<=", gt: ">", lt: "<" } as const;

/**
 * One filter as a SQL predicate with `?` placeholders; its values are appended to `params` in
 * placeholder order. Values are never spliced into the SQL text. `column` replaces the field's
 * column, e.g. with a time shifted by a year for a comparison.
 *
 * @example filterSql({ field: "carrier", op: "in", values: ["water", "gas"] }, params)
 * // => '"carrier" IN (?, ?)', params gains "water", "gas"
 */
export function filterSql(
  filter: Filter,
  params: unknown[],
  column = quoteIdentifier(filter.field, "filter field"),
): string {
  switch (filter.op) {
    case "between":
      params.push(filter.values[0], filter.values[1]);
      return `${column} BETWEEN ? AND ?`;
    case "in":
      params.push(...filter.values);
      return `${column} IN (${filter.values.map(() => "?").join(", ")})`;
    default:
      params.push(filter.values[0]);
      return `${column} ${COMPARATORS[filter.op]} ?`;
  }
}
