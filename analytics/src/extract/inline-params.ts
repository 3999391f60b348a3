import type { SqlQuery } from "../kpi-common/sql-query.ts";
import type { SqlParam } from "../store/store.ts";

/** SQL text to put in place of a placeholder, e.g. a scalar subquery over the newest data. */
export interface SqlExpression {
  readonly sql: string;
}

/** Marks SQL text to be inlined as an expression (parenthesised) rather than as a literal. */
export const sqlExpr = (sql: string): SqlExpression => ({ sql });

function literal(value: SqlParam | SqlExpression, at: number): string {
  if (value === null) return "NULL";
  if (typeof value === "object") return `(${value.sql})`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`inlineParams: parameter ${at + 1} is ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Turns a parameterised KPI query into plain SQL for an extract definition, replacing each `?`
 * placeholder (outside quoted strings and identifiers) by a literal of its value, or by an
 * expression. Extracts run our own builders with our own values; no client input reaches them.
 * @param values replaces `query.params` when given (same length), so a period bound can be a
 *   subquery over the newest data instead of a fixed date.
 * @throws Error when the number of placeholders and values differ.
 * @example inlineParams({ sql: "SELECT ? AS a", params: ["x"] }) // "SELECT 'x' AS a"
 */
export function inlineParams(
  query: SqlQuery,
  values: readonly (SqlParam | SqlExpression)[] = query.params,
): string {
  let out = "";
  let used = 0;
  let quote: string | null = null;
  for (const ch of query.sql) {
    if (quote !== null) {
      out += ch;
      if (ch === quote) quote = null; // a doubled quote closes and reopens: same result
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === "?") {
      if (used >= values.length)
        throw new Error(`inlineParams: the SQL has more placeholders than the ${values.length} values`);
      out += literal(values[used] as SqlParam | SqlExpression, used);
      used++;
    } else out += ch;
  }
  if (used !== values.length)
    throw new Error(`inlineParams: the SQL has ${used} placeholders but ${values.length} values were given`);
  return out;
}

/**
 * Prepends a CTE named `table` to `sql`, so that a query written against a base table reads a
 * narrowed copy of it instead (e.g. only each monitor's newest hour). Inside `scope`, name the
 * base table as `main.<table>`.
 */
export function withScopedTable(sql: string, table: string, scope: string): string {
  const cte = `"${table}" AS (${scope})`;
  const head = /^\s*WITH\s+/i.exec(sql);
  return head ? `WITH ${cte},\n${sql.slice(head[0].length)}` : `WITH ${cte}\n${sql}`;
}
