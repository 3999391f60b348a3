import type { FieldTypes } from "./field-type.ts";
import { filterSql } from "./filter-sql.ts";
import { quoteIdentifier } from "./identifier.ts";
import { parseQuerySpec } from "./parse-query-spec.ts";
import { QuerySpecError } from "./query-spec-error.ts";
import type { Dimension, Measure, QuerySpec } from "./query-spec.ts";
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

  const order = orderTerms(spec);
  const params: unknown[] = [];
  const tail = [
    ...(order.length > 0 ? [`ORDER BY ${order.join(", ")}`] : []),
    ...(spec.limit !== undefined ? [`LIMIT ${spec.limit}`] : []),
  ];
  if (!spec.compare) {
    const lines = [...aggregateSql(spec, options, params), ...tail];
    const columns = [...dimensions.map(dimensionAlias), ...measures.map(measureAlias)];
    return { sql: lines.join("\n"), params, columns };
  }
  // The same aggregate over the period a year (or a month) earlier, each row's time moved
  // forward by that much so that its bucket and the spec's time filters line up with now.
  const shift = spec.compare === "yoy" ? "INTERVAL 1 YEAR" : "INTERVAL 1 MONTH";
  const cur = aggregateSql(spec, options, params);
  const prev = aggregateSql(spec, options, params, shift);
  const q = quoteIdentifier;
  const on = dimensions.map(
    (d) => `cur.${q(dimensionAlias(d))} IS NOT DISTINCT FROM prev.${q(dimensionAlias(d))}`,
  );
  const compared = measures.flatMap((m) => {
    const a = measureAlias(m);
    return [
      `prev.${q(a)} AS ${q(`${a}_prev`)}`,
      `(cur.${q(a)} - prev.${q(a)}) / nullif(abs(prev.${q(a)}), 0) AS ${q(`${a}_change`)}`,
    ];
  });
  const lines = [
    `WITH cur AS (\n${cur.join("\n")}\n), prev AS (\n${prev.join("\n")}\n)`,
    `SELECT cur.*, ${compared.join(", ")}`,
    `FROM cur LEFT JOIN prev ON ${on.join(" AND ")}`,
    ...tail,
  ];
  const columns = [
    ...dimensions.map(dimensionAlias),
    ...measures.map(measureAlias),
    ...measures.flatMap((m) => [`${measureAlias(m)}_prev`, `${measureAlias(m)}_change`]),
  ];
  return { sql: lines.join("\n"), params, columns };
}

/** The ORDER BY terms of a spec: its `orderBy`, else its dimensions ascending. */
export function orderTerms(spec: QuerySpec): string[] {
  return spec.orderBy?.length
    ? spec.orderBy.map((o) => `${quoteIdentifier(o.field)} ${(o.dir ?? "asc").toUpperCase()}`)
    : (spec.dimensions ?? []).map((d) => `${quoteIdentifier(dimensionAlias(d))} ASC`);
}

/**
 * The SQL of dimension `i` over `column` (its field, maybe shifted): the column, or its time
 * bucket for a `grain`.
 * @throws QuerySpecError at `dimensions[i].grain` when the grain does not fit the field's type.
 */
export function dimensionSql(d: Dimension, i: number, column: string, options: BuildSqlOptions): string {
  if (!d.grain) return column;
  try {
    return grainExpression(column, d.grain, options.fields?.[d.field]);
  } catch (e) {
    throw new QuerySpecError([{ path: `dimensions[${i}].grain`, message: (e as Error).message }]);
  }
}

/**
 * SELECT … FROM … WHERE … GROUP BY of a spec (no order, no limit). With `shift`, the period
 * dimension's field is read as `field + shift` everywhere: in its bucket and in its filters.
 */
function aggregateSql(
  spec: QuerySpec,
  options: BuildSqlOptions,
  params: unknown[],
  shift?: string,
): string[] {
  const measures = spec.measures ?? [];
  const dimensions = spec.dimensions ?? [];
  const period = shift ? dimensions.find((d) => d.grain)?.field : undefined;
  const column = (field: string) =>
    field === period ? `(${quoteIdentifier(field)} + ${shift})` : quoteIdentifier(field);
  const select: string[] = [];
  dimensions.forEach((d, i) => {
    select.push(`${dimensionSql(d, i, column(d.field), options)} AS ${quoteIdentifier(dimensionAlias(d))}`);
  });
  for (const m of measures) select.push(`${measureSql(m)} AS ${quoteIdentifier(measureAlias(m))}`);

  const lines = [`SELECT ${select.join(", ")}`, `FROM ${quoteIdentifier(spec.from)}`];
  const where = (spec.filters ?? []).map((f) =>
    f.field === period ? filterSql(f, params, column(f.field)) : filterSql(f, params),
  );
  if (where.length > 0) lines.push(`WHERE ${where.join(" AND ")}`);
  if (dimensions.length > 0 && measures.length > 0) {
    lines.push(`GROUP BY ${dimensions.map((_, i) => i + 1).join(", ")}`);
  } else if (dimensions.length > 0) {
    lines.push(`GROUP BY ALL`);
  }
  return lines;
}
