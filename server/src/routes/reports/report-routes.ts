import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { actorName } from "../../auth/principal.ts";
import { apiError } from "../../errors.ts";
import { ReportFileError, type ReportFile } from "./report-file.ts";
import type { Report } from "./report-schemas.ts";
import { readReportBody } from "./read-report-body.ts";
import { answerFormat, answerOutcome, badFormat, type SpecOutcome } from "../query/run-spec.ts";

/** Options of {@link reportRoutes}. */
export interface ReportRoutesOptions {
  /**
   * Where report definitions are kept.
   * @example
   * reportRoutes({ reports: await ReportFile.open({ path: "data/reports.json" }) });
   */
  readonly reports: ReportFile;
  /** Sources a spec's `from` may name (as for `/query`); omit to accept any identifier. */
  readonly sources?: readonly string[];
  /** Largest accepted body in bytes (default 256 KiB). */
  readonly maxBytes?: number;
  /** Runs a saved report's spec for `GET /reports/:id/data` (the route is absent without it). */
  readonly run?: (spec: unknown, signal?: AbortSignal) => Promise<SpecOutcome>;
}

const etagOf = (r: Report) => `"v${r.version}"`;

/** Whether the request's principal may change `report`: its owner, or an admin. */
function mayChange(c: Context, report: Report): boolean {
  return c.get("principal")?.role === "admin" || actorName(c.get("principal")) === report.owner;
}

/**
 * Saved report definitions (a query spec plus its presentation): `GET /reports`,
 * `POST /reports` (201, owned by the caller), `GET /reports/:id` (with an ETag),
 * `PUT /reports/:id` (whole definition; `If-Match` honoured), `DELETE /reports/:id` (204) and,
 * given `run`, `GET /reports/:id/data` (the report's rows as `/query` answers them, or CSV).
 * Only the owner or an admin may change or delete a report (403 `not_owner`). Other roles are the
 * app's to apply: viewer+ for reads, analyst+ for writes.
 * @example
 * api.use("/reports/*", requireRole("viewer"));
 * api.post("/reports", requireRole("analyst")); // exactly the write routes, so the
 * api.on(["PUT", "DELETE"], "/reports/:id", requireRole("analyst")); // OpenAPI route check holds
 * api.route("/", reportRoutes({ reports, sources: DEFAULT_EXTRACTS.map((e) => e.name) }));
 */
export function reportRoutes(options: ReportRoutesOptions): Hono {
  const app = new Hono();
  const { reports } = options;
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => apiError(c, 413, "payload_too_large", `body over ${maxBytes} bytes`, { limit: maxBytes }),
  });
  const unknown = (c: Context, id: string) =>
    apiError(c, 404, "unknown_report", `no report with id "${id}"`, { param: "id" });
  const notOwner = (c: Context, r: Report) =>
    apiError(
      c,
      403,
      "not_owner",
      `report "${r.name}" belongs to ${r.owner}; only its owner or an admin may change it`,
      {
        owner: r.owner,
      },
    );

  app.get("/reports", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ reports: reports.list() });
  });

  app.post("/reports", limit, async (c) => {
    const body = await readReportBody(c, options.sources);
    if (body instanceof Response) return body;
    try {
      const report = await reports.create(body, actorName(c.get("principal")));
      c.header("Location", `/api/reports/${report.id}`);
      c.header("ETag", etagOf(report));
      return c.json(report, 201);
    } catch (e) {
      if (e instanceof ReportFileError) return apiError(c, 409, e.code, e.message);
      throw e;
    }
  });

  app.get("/reports/:id", (c) => {
    const report = reports.get(c.req.param("id"));
    if (!report) return unknown(c, c.req.param("id"));
    c.header("ETag", etagOf(report));
    c.header("Cache-Control", "no-cache");
    if (c.req.header("If-None-Match") === etagOf(report)) return c.body(null, 304);
    return c.json(report);
  });

  if (options.run) {
    const run = options.run;
    // The report's rows, as `/query` answers them (JSON, or `?format=csv` named after the report).
    app.get("/reports/:id/data", async (c) => {
      const report = reports.get(c.req.param("id"));
      if (!report) return unknown(c, c.req.param("id"));
      const format = answerFormat(c);
      if (!format) return badFormat(c);
      const outcome = await run(report.spec, c.req.raw.signal);
      return answerOutcome(c, outcome, format, report.name, {
        report: { id: report.id, name: report.name, version: report.version },
      });
    });
  }

  app.put("/reports/:id", limit, async (c) => {
    const id = c.req.param("id");
    const old = reports.get(id);
    if (!old) return unknown(c, id);
    if (!mayChange(c, old)) return notOwner(c, old);
    const ifMatch = c.req.header("If-Match");
    const ifVersion =
      ifMatch === undefined || ifMatch.trim() === "*"
        ? undefined
        : Number(/^"v(\d{1,9})"$/.exec(ifMatch)?.[1] ?? -1);
    const body = await readReportBody(c, options.sources);
    if (body instanceof Response) return body;
    let report;
    try {
      report = await reports.replace(id, body, ifVersion);
    } catch (e) {
      if (!(e instanceof ReportFileError)) throw e;
      return apiError(c, 412, e.code, e.message, {
        header: "If-Match",
        current: etagOf(reports.get(id) ?? old),
      });
    }
    if (!report) return unknown(c, id);
    c.header("ETag", etagOf(report));
    return c.json(report);
  });

  app.delete("/reports/:id", async (c) => {
    const id = c.req.param("id");
    const old = reports.get(id);
    if (!old) return unknown(c, id);
    if (!mayChange(c, old)) return notOwner(c, old);
    await reports.remove(id);
    return c.body(null, 204);
  });

  return app;
}
