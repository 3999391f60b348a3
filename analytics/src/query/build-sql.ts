import type { FieldTypes } from "./field-type.ts";
import { filterSql } from "./filter-sql.ts";
import { quoteIdentifier } from "./identifier.ts";
import { parseQuerySpec } from "./parse-query-spec.ts";
import { QuerySpecError } from "./query-spec-error.ts";
import type { Measure, QuerySpec } from "./query-spec.ts";
import { grainExpression } from "./time-grain.ts";
import { checkSpec } from "./check-spec.ts";
import { dimensionAlias, measureAlias } from "./output-names.ts";

/** Options for {@link buildSql}. */
export interface BuildSqlOptions {
  /**
   * The extract's columns and their types. When given, unknown fields are rejected by name,
   * `sum`/`avg` need numeric fields, and time grains know whether a column is a UTC timestamp
   * (truncated in Asia/Shanghai) or a local date.
   */
  fields?: FieldTypes;
}

/** Parameterised SQL for one spec: `?` placeholders, `params` in placeholder order. */
export interface BuiltQuery {
  sql: string;
  params: unknown[];
  /** Output column names, in SELECT order. */
  columns: string[];
}

function measureSql(m: Measure): string {
  if (m.field === "*") return "count(*)";
  const column = quoteIdentifier(m.field);
  return m.agg === "count_distinct" ? `count(DISTINCT ${column})` : `${m.agg}(${column})`;
}

/**
 * Turn a query spec into one parameterised SELECT that runs unchanged on native DuckDB
 * (`@duckdb/node-api`) and DuckDB-WASM. Identifiers are validated and double-quoted; every
 * filter value becomes a positional `?` parameter. `limit` is a validated integer literal.
 *
 * @example
 * buildSql({ from: "energy_daily_town", measures: [{ field: "tce", agg: "sum" }],
 *            filters: [{ field: "carrier", op: "eq", values: ["water"] }] })
 * // => { sql: 'SELECT sum("tce") AS "sum_tce"\nFROM "energy_daily_town"\nWHERE "carrier" = ?',
 * //      params: ["water"], columns: ["sum_tce"] }
 * @throws QuerySpecError naming the offending path and field.
 */
export function buildSql(input: QuerySpec, options: BuildSqlOptions = {}): BuiltQuery {
  const spec = parseQuerySpec(input);
  const measures = spec.measures ?? [];
  const dimensions = spec.dimensions ?? [];
  const issues = checkSpec(spec, options.fields);
  if (issues.length > 0) throw new QuerySpecError(issues);

  const select: string[] = [];
  const columns: string[] = [];
  dimensions.forEach((d, i) => {
    const column = quoteIdentifier(d.field);
    let expr = column;
    if (d.grain) {
      try {
        expr = grainExpression(column, d.grain, options.fields?.[d.field]);
      } catch (e) {
        throw new QuerySpecError([{ path: `dimensions[${i}].grain`, message: (e as Error).message }]);
      }
    }
    select.push(`${expr} AS ${quoteIdentifier(dimensionAlias(d))}`);
    columns.push(dimensionAlias(d));
  });
  for (const m of measures) {
    select.push(`${measureSql(m)} AS ${quoteIdentifier(measureAlias(m))}`);
    columns.push(measureAlias(m));
  }

  const params: unknown[] = [];
  const lines = [`SELECT ${select.join(", ")}`, `FROM ${quoteIdentifier(spec.from)}`];
  const where = (spec.filters ?? []).map((f) => filterSql(f, params));
  if (where.length > 0) lines.push(`WHERE ${where.join(" AND ")}`);
  if (dimensions.length > 0 && measures.length > 0) {
    lines.push(`GROUP BY ${dimensions.map((_, i) => i + 1).join(", ")}`);
  } else if (dimensions.length > 0) {
    lines.push(`GROUP BY ALL`);
  }
  const order = spec.orderBy?.length
    ? spec.orderBy.map((o) => `${quoteIdentifier(o.field)} ${(o.dir ?? "asc").toUpperCase()}`)
    : dimensions.map((d) => `${quoteIdentifier(dimensionAlias(d))} ASC`);
  if (order.length > 0) lines.push(`ORDER BY ${order.join(", ")}`);
  if (spec.limit !== undefined) lines.push(`LIMIT ${spec.limit}`);
  return { sql: lines.join("\n"), params, columns };
}
