import { Hono } from "hono";
import type { AppMetrics } from "./app-metrics.ts";
import { PROMETHEUS_CONTENT_TYPE } from "./prometheus-text.ts";

/** Options of {@link metricsRoutes}. */
export interface MetricsRoutesOptions {
  /**
   * The metrics to expose.
   * @example
   * api.route("/", metricsRoutes({ metrics: appMetrics }));
   */
  readonly metrics: AppMetrics;
}

/**
 * `GET /metrics`: Prometheus text format (counters, histograms and gauges of {@link AppMetrics}).
 * @example
 * api.use("/metrics", requireRole("display")); // Prometheus scrapes with a display token
 * api.route("/", metricsRoutes({ metrics: appMetrics }));
 */
export function metricsRoutes(options: MetricsRoutesOptions): Hono {
  const app = new Hono();
  app.get("/metrics", (c) => {
    c.header("Content-Type", PROMETHEUS_CONTENT_TYPE);
    c.header("Cache-Control", "no-store");
    return c.body(options.metrics.render());
  });
  return app;
}
