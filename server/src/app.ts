import { Hono } from "hono";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { apiError } from "./errors.ts";
import { extractRoutes } from "./routes/extracts/index.ts";
import { healthRoutes, type ComponentState } from "./routes/health/index.ts";
import { referenceRoutes, type ReferenceData } from "./routes/reference/index.ts";
import { screenRoutes } from "./static/screen.ts";
import { setupPage } from "./static/setup-page.ts";
import type { DuckDBNodeConnector, IngestResult, Store } from "@citybrain/analytics";
import type { EventHub } from "./events/event-hub.ts";
import { eventRoutes } from "./routes/events/index.ts";
import { ingestRoutes } from "./routes/ingest/index.ts";
import { queryRoutes, specRunner } from "./routes/query/index.ts";
import { STREAM_NAMES } from "@citybrain/datasets";
import {
  authenticate,
  byPrincipal,
  csrfProtection,
  rateLimit,
  requireIngest,
  requireRole,
  type AuditLog,
  type AuthStore,
} from "./auth/index.ts";
import { authRoutes } from "./routes/auth/index.ts";
import type { Logger } from "pino";
import { requestLogger } from "./logging/index.ts";
import { openapiRoutes } from "./openapi/index.ts";
import { alertRoutes, type AlertJson, type AlertStore } from "./routes/alerts/index.ts";
import { metrics, metricsRoutes, type AppMetrics } from "./routes/metrics/index.ts";
import { reportRoutes, type ReportFile } from "./routes/reports/index.ts";
import { cameraRoutes, visionDisabledRoutes, type CameraSource } from "./routes/cameras/index.ts";

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
  /** The store that `POST /api/ingest/:stream` writes to; omit to disable ingest. */
  readonly ingest?: {
    readonly store: Store;
    readonly onIngested?: (r: IngestResult) => void;
    readonly maxBytes?: number;
  };
  /** Server-side query fallback; omit to disable `/api/query`. */
  readonly query?: { readonly connector: DuckDBNodeConnector; readonly sources: readonly string[] };
  /** Live events for `GET /api/events`. */
  readonly hub?: EventHub;
  /** Aborted on shutdown: open event streams end with a reconnect hint. */
  readonly shutdown?: AbortSignal;
  /**
   * Users, tokens and sessions. When given, every API route requires its role (display for
   * reads, viewer for queries, an ingest token scoped to the stream for ingest); without it the
   * API is open (tests and embedded use).
   */
  readonly auth?: { readonly store: AuthStore; readonly audit: AuditLog };
  /** Alert list and ack/close (writes go through the store's ingest path). */
  readonly alerts?: { readonly store: AlertStore; readonly onChanged?: (alert: AlertJson) => void };
  /** Saved report definitions. */
  readonly reports?: { readonly file: ReportFile; readonly sources?: readonly string[] };
  /** Prometheus metrics at `/api/metrics`. */
  readonly metrics?: AppMetrics;
  /** Structured request logs. */
  readonly logger?: Logger;
  /**
   * Real-video cameras (the vision service): health, latest annotated snapshots, pushed frames.
   * Without it every `/api/cameras` route answers 503 `vision_disabled`.
   */
  readonly cameras?: CameraSource;
  /** Limits of `POST /api/cameras/:id/frames`: body bytes (default 8 MiB) and pixels (default 8K). */
  readonly cameraFrames?: { readonly maxBytes?: number; readonly maxPixels?: number };
}

/** `POST /api/cameras/<id>/frames`: the one camera route devices (ingest tokens) call. */
const FRAME_PUSH = /\/cameras\/[^/]+\/frames$/;

/**
 * The Hono app: API under `/api`, the screen at `/`.
 * @example
 * const app = createApp({ extractsRoot: "data/extracts", reference: () => ({ outline, towns }) });
 * serve({ fetch: app.fetch, port: 8080 });
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  if (options.metrics) app.use("*", metrics({ metrics: options.metrics }));
  app.use("*", requestId());
  if (options.logger) {
    const quiet = new Set(["/api/health", "/api/metrics"]);
    app.use("*", requestLogger({ logger: options.logger, skip: (p) => quiet.has(p) }));
  }
  const api = new Hono();
  // Extracts are precompressed on disk; compress only the small JSON answers.
  api.use("/manifest", compress());
  api.use("/reference/*", compress());
  if (options.auth) {
    const { store, audit } = options.auth;
    api.use("*", authenticate({ store }), csrfProtection());
    for (const path of [
      "/manifest",
      "/extracts/*",
      "/reference/*",
      "/events",
      "/alerts/*",
      "/metrics",
      "/cameras",
      "/vision-evidence/*",
    ])
      api.use(path, requireRole("display"));
    // Pushed frames become `traffic` rows: an ingest token scoped to traffic (a camera box, an
    // NVR) may push them, and so may an admin (with the session's CSRF token); nobody else.
    const pushFrames = requireIngest({ stream: "traffic", roles: ["admin"] });
    const readCameras = requireRole("display");
    api.use("/cameras/*", (c, next) =>
      c.req.method === "POST" && FRAME_PUSH.test(c.req.path) ? pushFrames(c, next) : readCameras(c, next),
    );
    // Per token and camera: more than 30 frames a second is more than any camera config samples.
    const byToken = byPrincipal();
    if (options.cameras)
      api.post(
        "/cameras/:id/frames",
        rateLimit({
          windowMs: 1000,
          max: 30,
          key: (c) => `${byToken(c)}:${c.req.param("id") ?? ""}`,
          algorithm: "token-bucket",
        }),
      );
    api.post("/alerts/:id/ack", requireRole("analyst"));
    api.post("/alerts/:id/close", requireRole("analyst"));
    api.use("/reports/*", requireRole("viewer"));
    api.post("/reports", requireRole("analyst"));
    api.on(["PUT", "DELETE"], "/reports/:id", requireRole("analyst"));
    api.use("/query", requireRole("viewer"));
    api.use(
      "/ingest/:stream",
      rateLimit({ windowMs: 1000, max: 50, key: byPrincipal(), algorithm: "token-bucket" }),
      requireIngest(),
    );
    api.route("/", authRoutes({ store, audit, streams: STREAM_NAMES }));
  }
  api.route("/", extractRoutes({ root: options.extractsRoot }));
  api.route("/", referenceRoutes({ load: options.reference }));
  api.route("/", healthRoutes({ components: options.health ?? {} }));
  if (options.ingest) api.route("/", ingestRoutes(options.ingest));
  // One spec runner (and its cache of source field types) for ad-hoc queries and saved reports.
  const run = options.query ? specRunner(options.query) : undefined;
  if (options.query) api.route("/", queryRoutes({ ...options.query, run }));
  if (options.hub) api.route("/", eventRoutes({ hub: options.hub, shutdown: options.shutdown }));
  api.route("/", openapiRoutes()); // public: the API's own description
  if (options.alerts) {
    const { store, onChanged } = options.alerts;
    api.route("/", alertRoutes({ store, hub: options.hub, audit: options.auth?.audit, onChanged }));
  }
  if (options.reports) {
    api.route(
      "/",
      reportRoutes({
        reports: options.reports.file,
        sources: options.reports.sources,
        ...(run ? { run } : {}),
      }),
    );
  }
  if (options.metrics) api.route("/", metricsRoutes({ metrics: options.metrics }));
  if (options.cameras) api.route("/", cameraRoutes({ vision: options.cameras, ...options.cameraFrames }));
  else api.route("/", visionDisabledRoutes());
  api.all("*", (c) => apiError(c, 404, "not_found", `no API route ${c.req.method} ${c.req.path}`));
  app.route("/api", api);
  if (options.auth) app.route("/", setupPage());
  if (options.screenRoot) app.route("/", screenRoutes({ root: options.screenRoot }));
  app.onError((err, c) => {
    console.error(`[${c.get("requestId")}]`, err);
    return apiError(c, 500, "internal", "internal error; see the server log", {
      requestId: c.get("requestId"),
    });
  });
  return app;
}
