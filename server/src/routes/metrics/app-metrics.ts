import type { IngestResult } from "@citybrain/analytics";
import { cameraFamilies, type CameraMetricsSource } from "./camera-metrics.ts";
import { Counter, Histogram, gaugeFamily, type GaugeSource } from "./metric-registry.ts";
import { renderFamilies, type Family } from "./prometheus-text.ts";

/** Options of {@link AppMetrics}. */
export interface AppMetricsOptions {
  /**
   * Connected SSE clients (e.g. `() => hub.clients`).
   * @example
   * new AppMetrics({ sseClients: () => hub.clients, extractVersion: () => publisher.state().version });
   */
  readonly sseClients?: () => number;
  /** Version of the extracts being served, or null before the first publish. */
  readonly extractVersion?: () => number | null;
  /** Health of the real-video cameras (e.g. `() => vision.health().cameras`), for per-camera metrics. */
  readonly cameras?: () => readonly CameraMetricsSource[];
  /** Clock in ms, for tests. */
  readonly now?: () => number;
}

const STARTED_MS = Date.now() - process.uptime() * 1000;

function processGauges(now: () => number): GaugeSource[] {
  const mem = () => process.memoryUsage();
  return [
    { name: "process_resident_memory_bytes", help: "Resident memory size in bytes.", read: () => mem().rss },
    { name: "nodejs_heap_size_used_bytes", help: "V8 heap in use, bytes.", read: () => mem().heapUsed },
    { name: "nodejs_heap_size_total_bytes", help: "V8 heap reserved, bytes.", read: () => mem().heapTotal },
    {
      name: "nodejs_external_memory_bytes",
      help: "Memory of C++ objects bound to JS (Arrow buffers, DuckDB results), bytes.",
      read: () => mem().external,
    },
    {
      name: "process_start_time_seconds",
      help: "Start time of the process, Unix seconds.",
      read: () => STARTED_MS / 1000,
    },
    {
      name: "process_uptime_seconds",
      help: "Seconds since the process started.",
      read: () => Math.max(0, (now() - STARTED_MS) / 1000),
    },
  ];
}

/**
 * The server's metrics: HTTP requests by route pattern and status (count and duration), ingest
 * rows by stream and outcome, SSE clients, extract version and process memory/uptime.
 * Feed it with the {@link metrics} middleware and {@link AppMetrics.observeIngest}; serve it with
 * `metricsRoutes`.
 * @example
 * const appMetrics = new AppMetrics({ sseClients: () => hub.clients });
 * app.use("*", metrics({ metrics: appMetrics }));
 * ingestRoutes({ store, onIngested: (r) => appMetrics.observeIngest(r) });
 */
export class AppMetrics {
  readonly requests = new Counter("citybrain_http_requests_total", "HTTP requests answered.", [
    "method",
    "route",
    "status",
  ]);
  readonly duration = new Histogram(
    "citybrain_http_request_duration_seconds",
    "Time to answer an HTTP request (until the response starts; SSE streams end later).",
    ["method", "route", "status"],
  );
  readonly ingestRows = new Counter(
    "citybrain_ingest_rows_total",
    "Rows of committed ingest batches, accepted or rejected (quarantined).",
    ["stream", "outcome"],
  );
  readonly ingestBatches = new Counter(
    "citybrain_ingest_batches_total",
    "Ingest batches committed or replayed.",
    ["stream", "outcome"],
  );
  readonly #gauges: GaugeSource[];
  readonly #cameras: (() => readonly CameraMetricsSource[]) | undefined;
  readonly #now: () => number;

  constructor(options: AppMetricsOptions = {}) {
    const { sseClients, extractVersion } = options;
    this.#cameras = options.cameras;
    this.#now = options.now ?? Date.now;
    this.#gauges = [
      ...(sseClients
        ? [{ name: "citybrain_sse_clients", help: "Connected server-sent-event clients.", read: sseClients }]
        : []),
      ...(extractVersion
        ? [
            {
              name: "citybrain_extract_version",
              help: "Version of the published extracts.",
              read: extractVersion,
            },
          ]
        : []),
      ...processGauges(options.now ?? Date.now),
    ];
  }

  /** Counts one answered request; `route` is the matched pattern, never the raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  /** Counts an ingest batch's rows (for `ingestRoutes({ onIngested })` and CLI loads). */
  observeIngest(result: IngestResult): void {
    const stream = result.stream;
    this.ingestBatches.inc({ stream, outcome: result.replayed ? "replayed" : "committed" });
    this.ingestRows.inc({ stream, outcome: "accepted" }, result.accepted);
    this.ingestRows.inc({ stream, outcome: "rejected" }, result.rejected);
  }

  /** Everything, in the Prometheus text format. */
  render(): string {
    const gauges = this.#gauges.map(gaugeFamily).filter((f): f is Family => f !== null);
    return renderFamilies([
      this.requests.family(),
      this.duration.family(),
      this.ingestRows.family(),
      this.ingestBatches.family(),
      ...gauges,
      ...(this.#cameras ? cameraFamilies(this.#cameras(), this.#now()) : []),
    ]);
  }
}
