import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppMetrics } from "./app-metrics.ts";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Options of {@link metrics}. */
export interface MetricsOptions {
  /**
   * Where to count requests.
   * @example
   * app.use("*", metrics({ metrics: appMetrics }));
   */
  readonly metrics: AppMetrics;
}

/**
 * Counts every request and its duration by method, matched route pattern (`/api/alerts/:id`, never
 * the raw path, so ids do not explode the series) and status. Register it first, on `*`.
 * @example
 * const appMetrics = new AppMetrics({ sseClients: () => hub.clients });
 * app.use("*", metrics({ metrics: appMetrics }));
 */
export function metrics(options: MetricsOptions): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    let failed = false;
    try {
      await next();
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      const method = METHODS.has(c.req.method) ? c.req.method : "OTHER";
      // After next(), the route index points at the handler (or middleware) that answered.
      const route = routePath(c) || "(unmatched)";
      const status = failed ? 500 : c.res.status;
      options.metrics.observeRequest(method, route, status, (performance.now() - started) / 1000);
    }
  };
}
