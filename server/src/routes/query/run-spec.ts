import type { Context } from "hono";
import { QueryCancelledError, type DuckDBNodeConnector } from "@citybrain/analytics";
import {
  QuerySpecError,
  buildSql,
  formatDateTimeZh,
  querySpecSchema,
  type FieldTypes,
  type Row,
} from "@citybrain/analytics/browser";
import { apiError } from "../../errors.ts";
import { checkFilterValues } from "./check-filter-values.ts";
import { rowsToCsv } from "./rows-csv.ts";

// DuckDB errors a validated spec can still cause with its values: the client's to fix, not ours.
const SPEC_ERRORS =
  /^(Conversion Error|Binder Error|Invalid Input Error|Out of Range Error)|out of int64 range/;

/** Where specs run: the connector, the sources a spec may name, the row cap. */
export interface SpecRunnerOptions {
  readonly connector: DuckDBNodeConnector;
  /** Tables and views a spec's `from` may name (extract views and rollups; never raw SQL). */
  readonly sources: readonly string[];
  /** Most rows one answer may carry (default 100,000); more sets `truncated`. */
  readonly maxRows?: number;
}

/** A spec's answer, or why there is none (status, code, message and details for `apiError`). */
export type SpecOutcome =
  | { ok: true; columns: string[]; rows: Row[]; truncated: boolean; elapsedMs: number }
  | { ok: false; status: 400 | 408 | 504; code: string; message: string; details?: Record<string, unknown> };

/** Runs one query spec (checked, built, limited): what {@link specRunner} makes. */
export type SpecRunner = (body: unknown, signal?: AbortSignal) => Promise<SpecOutcome>;

/** A 400 `bad_spec` outcome: the spec (not the server) is at fault. */
function badSpec(message: string, details?: Record<string, unknown>): SpecOutcome {
  return details
    ? { ok: false, status: 400, code: "bad_spec", message, details }
    : { ok: false, status: 400, code: "bad_spec", message };
}

/**
 * Validates and runs query specs with the shared builder: schema, allowed sources, filter values
 * the columns can take, a row cap, and the connector's timeout and cancellation. Used by
 * `POST /query` and by saved reports' data.
 */
export function specRunner(options: SpecRunnerOptions): SpecRunner {
  const maxRows = options.maxRows ?? 100_000;
  const fieldCache = new Map<string, FieldTypes>();
  const fieldsOf = async (from: string) => {
    let f = fieldCache.get(from);
    if (!f) fieldCache.set(from, (f = await options.connector.describe(from)));
    return f;
  };
  return async (body, signal) => {
    const parsed = querySpecSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      return badSpec(issues.map((i) => `${i.path || "spec"}: ${i.message}`).join("; "), { issues });
    }
    const spec = parsed.data;
    if (!options.sources.includes(spec.from)) {
      return badSpec(`from: no source "${spec.from}"`, { path: "from", expected: options.sources });
    }
    const limited = { ...spec, limit: Math.min(spec.limit ?? maxRows + 1, maxRows + 1) };
    const fields = await fieldsOf(spec.from);
    const valueIssues = checkFilterValues(spec, fields);
    if (valueIssues.length > 0) {
      return badSpec(valueIssues.map((i) => `${i.path}: ${i.message}`).join("; "), { issues: valueIssues });
    }
    let built;
    try {
      built = buildSql(limited, { fields });
    } catch (e) {
      if (e instanceof QuerySpecError) return badSpec(e.message, { issues: e.issues });
      throw e;
    }
    const started = performance.now();
    try {
      const rows = await options.connector.query(built.sql, built.params, signal);
      const truncated = rows.length > maxRows;
      return {
        ok: true,
        columns: built.columns,
        rows: truncated ? rows.slice(0, maxRows) : rows,
        truncated,
        elapsedMs: Math.round((performance.now() - started) * 10) / 10,
      };
    } catch (e) {
      if (e instanceof QueryCancelledError) {
        return {
          ok: false,
          status: e.reason === "timeout" ? 504 : 408,
          code: "query_cancelled",
          message: e.message,
        };
      }
      if (e instanceof Error && SPEC_ERRORS.test(e.message)) {
        return badSpec(`the database refused this spec: ${e.message.split("\n")[0]}`);
      }
      throw e;
    }
  };
}

/** The `format` query parameter of a data answer: `json` (default) or `csv`, else null. */
export function answerFormat(c: Context): "json" | "csv" | null {
  const format = c.req.query("format") ?? "json";
  return format === "json" || format === "csv" ? format : null;
}

/** 400 for a `format` that is neither json nor csv. */
export function badFormat(c: Context): Response {
  return apiError(c, 400, "bad_parameter", `format: expected json or csv, got "${c.req.query("format")}"`, {
    param: "format",
  });
}

/**
 * Answers an outcome: its error, JSON `{ columns, rows, truncated, elapsedMs, …extra }`, or a CSV
 * download named `<name>-<Shanghai date>.csv` (`X-Truncated` says whether the row cap cut it).
 */
export function answerOutcome(
  c: Context,
  outcome: SpecOutcome,
  format: "json" | "csv",
  name: string,
  extra: Record<string, unknown> = {},
): Response {
  if (!outcome.ok) return apiError(c, outcome.status, outcome.code, outcome.message, outcome.details);
  if (format === "csv") {
    const day = formatDateTimeZh(Date.now()).slice(0, 10); // today in Asia/Shanghai
    const file = `${name}-${day}.csv`;
    // ASCII fallback for old clients, the real (maybe Chinese) name per RFC 6266 / 5987.
    const ascii = file.replace(/[^\w.-]/g, "_");
    return c.body(rowsToCsv(outcome.columns, outcome.rows), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`,
      "X-Truncated": String(outcome.truncated),
    });
  }
  const { ok: _ok, ...answer } = outcome;
  return c.json({ ...extra, ...answer });
}
