import { Hono } from "hono";
import { QueryCancelledError, type DuckDBNodeConnector } from "@citybrain/analytics";
import { QuerySpecError, buildSql, querySpecSchema, type FieldTypes } from "@citybrain/analytics/browser";
import { apiError } from "../../errors.ts";
import { checkFilterValues } from "./check-filter-values.ts";
import { rowsToCsv } from "./rows-csv.ts";

// DuckDB errors a validated spec can still cause with its values: the client's to fix, not ours.
const SPEC_ERRORS =
  /^(Conversion Error|Binder Error|Invalid Input Error|Out of Range Error)|out of int64 range/;

/** Options of {@link queryRoutes}. */
export interface QueryRoutesOptions {
  readonly connector: DuckDBNodeConnector;
  /** Tables and views a spec's `from` may name (extract views and rollups; never raw SQL). */
  readonly sources: readonly string[];
  /** Most rows one answer may carry (default 100,000); more sets `truncated`. */
  readonly maxRows?: number;
}

/**
 * `POST /query`: the server-side fallback for queries too big for the browser. Takes the same
 * query spec the screen uses, validates it, builds parameterised SQL with the shared builder,
 * and runs it with a row limit, a timeout and cancellation when the client goes away.
 * `?format=csv` answers a spreadsheet-ready CSV download instead of JSON (see `rowsToCsv`).
 * @example
 * app.route("/api", queryRoutes({ connector, sources: ["energy_daily_town", "rollup_energy_day"] }));
 */
export function queryRoutes(options: QueryRoutesOptions): Hono {
  const app = new Hono();
  const maxRows = options.maxRows ?? 100_000;
  const fieldCache = new Map<string, FieldTypes>();
  const fieldsOf = async (from: string) => {
    let f = fieldCache.get(from);
    if (!f) fieldCache.set(from, (f = await options.connector.describe(from)));
    return f;
  };

  app.post("/query", async (c) => {
    const format = c.req.query("format") ?? "json";
    if (format !== "json" && format !== "csv") {
      return apiError(c, 400, "bad_parameter", `format: expected json or csv, got "${format}"`, {
        param: "format",
      });
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, "bad_body", "expected a JSON query spec", { header: "Content-Type" });
    }
    const parsed = querySpecSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      return apiError(c, 400, "bad_spec", issues.map((i) => `${i.path || "spec"}: ${i.message}`).join("; "), {
        issues,
      });
    }
    const spec = parsed.data;
    if (!options.sources.includes(spec.from)) {
      return apiError(c, 400, "bad_spec", `from: no source "${spec.from}"`, {
        path: "from",
        expected: options.sources,
      });
    }
    const limited = { ...spec, limit: Math.min(spec.limit ?? maxRows + 1, maxRows + 1) };
    const fields = await fieldsOf(spec.from);
    const valueIssues = checkFilterValues(spec, fields);
    if (valueIssues.length > 0) {
      return apiError(c, 400, "bad_spec", valueIssues.map((i) => `${i.path}: ${i.message}`).join("; "), {
        issues: valueIssues,
      });
    }
    let built;
    try {
      built = buildSql(limited, { fields });
    } catch (e) {
      if (e instanceof QuerySpecError) return apiError(c, 400, "bad_spec", e.message, { issues: e.issues });
      throw e;
    }
    const started = performance.now();
    try {
      const rows = await options.connector.query(built.sql, built.params, c.req.raw.signal);
      const truncated = rows.length > maxRows;
      if (format === "csv") {
        const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
        return c.body(rowsToCsv(built.columns, truncated ? rows.slice(0, maxRows) : rows), 200, {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${spec.from}-${day}.csv"`,
          "X-Truncated": String(truncated),
        });
      }
      return c.json({
        columns: built.columns,
        rows: truncated ? rows.slice(0, maxRows) : rows,
        truncated,
        elapsedMs: Math.round((performance.now() - started) * 10) / 10,
      });
    } catch (e) {
      if (e instanceof QueryCancelledError) {
        return apiError(c, e.reason === "timeout" ? 504 : 408, "query_cancelled", e.message);
      }
      if (e instanceof Error && SPEC_ERRORS.test(e.message)) {
        return apiError(c, 400, "bad_spec", `the database refused this spec: ${e.message.split("\n")[0]}`);
      }
      throw e;
    }
  });
  return app;
}
