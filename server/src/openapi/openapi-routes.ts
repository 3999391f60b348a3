import { Hono } from "hono";
import { apiDocument } from "./api-document.ts";
import type { OpenApiDocument } from "./openapi-types.ts";
import { renderDocsHtml } from "./render-docs-html.ts";

/** Options of {@link openapiRoutes}. */
export interface OpenapiRoutesOptions {
  /**
   * The document to serve (default: {@link apiDocument}, the whole API).
   * @example
   * openapiRoutes({ document: apiDocument() });
   */
  readonly document?: OpenApiDocument;
}

/**
 * `GET /openapi.json` (OpenAPI 3.1, generated from the routes' zod schemas) and `GET /docs`
 * (the same as one self-contained HTML page: no scripts, no CDN). Mount under `/api`.
 * @example
 * api.route("/", openapiRoutes());
 */
export function openapiRoutes(options: OpenapiRoutesOptions = {}): Hono {
  const app = new Hono();
  const doc = options.document ?? apiDocument();
  const json = JSON.stringify(doc);
  const html = renderDocsHtml(doc);
  app.get("/openapi.json", (c) => {
    c.header("Cache-Control", "no-cache");
    return c.body(json, 200, { "Content-Type": "application/json; charset=utf-8" });
  });
  app.get("/docs", (c) => {
    c.header("Cache-Control", "no-cache");
    // Nothing on the page runs or loads from elsewhere; say so to the browser too.
    c.header(
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    return c.html(html);
  });
  return app;
}
