import type { Filter, QuerySpec } from "./query-spec.ts";

/**
 * A copy of `spec` with `extra` filters appended (AND). The coordinator uses it to apply the
 * live selections to a panel's own spec.
 *
 * @example withFilters(spec, [{ field: "town_code", op: "eq", values: ["500152100"] }])
 */
export function withFilters(spec: QuerySpec, extra: readonly Filter[]): QuerySpec {
  if (extra.length === 0) return spec;
  return { ...spec, filters: [...(spec.filters ?? []), ...extra] };
}
