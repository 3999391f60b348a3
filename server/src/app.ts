import { Hono } from "hono";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { apiError } from "./errors.ts";
import { extractRoutes } from "./routes/extracts/index.ts";
import { healthRoutes, type ComponentState } from "./routes/health/index.ts";
import { referenceRoutes, type ReferenceData } from "./routes/reference/index.ts";
import { screenRoutes } from "./static/screen.ts";

/** Everything the HTTP app is wired to. */
export interface AppOptions {
  /** Extracts root (manifest.json + v<N>/). */
  readonly extractsRoot: string;
  /** Reference GeoJSON for the map. */
  readonly reference: () => ReferenceData;
  /** Built screen directory; omit to serve the API only. */
  readonly screenRoot?: string;
  /** Readiness checks by component name. */
  readonly health?: Readonly<Record<string, () => Promise<ComponentState>>>;
}

/**
 * The Hono app: API under `/api`, the screen at `/`.
 * @example
 * const app = createApp({ extractsRoot: "data/extracts", reference: () => ({ outline, towns }) });
 * serve({ fetch: app.fetch, port: 8080 });
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use("*", requestId());
  const api = new Hono();
  // Extracts are precompressed on disk; compress only the small JSON answers.
  api.use("/manifest", compress());
  api.use("/reference/*", compress());
  api.route("/", extractRoutes({ root: options.extractsRoot }));
  api.route("/", referenceRoutes({ load: options.reference }));
  api.route("/", healthRoutes({ components: options.health ?? {} }));
  api.all("*", (c) => apiError(c, 404, "not_found", `no API route ${c.req.method} ${c.req.path}`));
  app.route("/api", api);
  if (options.screenRoot) app.route("/", screenRoutes({ root: options.screenRoot }));
  app.onError((err, c) => {
    console.error(`[${c.get("requestId")}]`, err);
    return apiError(c, 500, "internal", "internal error; see the server log", {
      requestId: c.get("requestId"),
    });
  });
  return app;
}
