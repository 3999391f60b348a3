import { Hono } from "hono";
import { apiError } from "../../errors.ts";
import {
  answerFormat,
  answerOutcome,
  badFormat,
  specRunner,
  type SpecRunner,
  type SpecRunnerOptions,
} from "./run-spec.ts";

export { specRunner } from "./run-spec.ts";
export type { SpecOutcome, SpecRunner, SpecRunnerOptions } from "./run-spec.ts";

/** Options of {@link queryRoutes}: how to run specs, or a runner to share (e.g. with reports). */
export type QueryRoutesOptions = SpecRunnerOptions & { readonly run?: SpecRunner };

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
  const run = options.run ?? specRunner(options);
  app.post("/query", async (c) => {
    const format = answerFormat(c);
    if (!format) return badFormat(c);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, "bad_body", "expected a JSON query spec", { header: "Content-Type" });
    }
    const outcome = await run(body, c.req.raw.signal);
    const from = (body as { from?: unknown } | null)?.from;
    return answerOutcome(c, outcome, format, typeof from === "string" ? from : "query");
  });
  return app;
}
