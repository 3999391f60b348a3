import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { EventHub } from "../../events/event-hub.ts";
import { AppMetrics } from "./app-metrics.ts";
import type { cameraFamilies } from "./camera-metrics.ts";
import { Counter, MAX_SERIES } from "./metric-registry.ts";
import { metrics } from "./metrics-middleware.ts";
import { metricsRoutes } from "./metrics-routes.ts";
import { PROMETHEUS_CONTENT_TYPE, renderFamilies } from "./prometheus-text.ts";

// One sample line of the text format: name, optional {labels}, value.
const SAMPLE = /^[a-zA-Z_:][\w:]*(\{([a-zA-Z_]\w*="([^"\\\n]|\\[\\"n])*",?)*\})? (-?[\d.e+-]+|NaN|[+-]Inf)$/;

function sampleValue(text: string, line: string): number | undefined {
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

function appWith(m: AppMetrics): Hono {
  const app = new Hono();
  app.use("*", metrics({ metrics: m }));
  const api = new Hono();
  api.get("/alerts/:id", (c) => c.json({ id: c.req.param("id") }));
  api.get("/boom", () => {
    throw new Error("boom");
  });
  api.route("/", metricsRoutes({ metrics: m }));
  api.all("*", (c) => c.json({ error: "no route" }, 404));
  app.route("/api", api);
  app.onError((_, c) => c.json({ error: "internal" }, 500));
  return app;
}

describe("metrics", () => {
  it("counts requests by route pattern and status, with a duration histogram", async () => {
    const m = new AppMetrics();
    const app = appWith(m);
    await app.request("/api/alerts/A-1");
    await app.request("/api/alerts/A-2");
    await app.request("/api/nothing/here");
    await app.request("/api/boom");
    await app.request("/api/alerts/A-3", { method: "BREW" });
    const res = await app.request("/api/metrics");
    expect(res.headers.get("Content-Type")).toBe(PROMETHEUS_CONTENT_TYPE);
    const text = await res.text();
    const req = (labels: string) => sampleValue(text, `citybrain_http_requests_total{${labels}}`);
    expect(req('method="GET",route="/api/alerts/:id",status="200"')).toBe(2);
    expect(req('method="GET",route="/api/*",status="404"')).toBe(1);
    expect(req('method="GET",route="/api/boom",status="500"')).toBe(1);
    expect(req('method="OTHER",route="/api/*",status="404"')).toBe(1);
    expect(text).not.toContain("A-1");

    const h = 'method="GET",route="/api/alerts/:id",status="200"';
    expect(sampleValue(text, `citybrain_http_request_duration_seconds_count{${h}}`)).toBe(2);
    expect(sampleValue(text, `citybrain_http_request_duration_seconds_bucket{${h},le="+Inf"}`)).toBe(2);
    const buckets = text
      .split("\n")
      .filter((l) => l.startsWith(`citybrain_http_request_duration_seconds_bucket{${h}`))
      .map((l) => Number(l.split(" ")[1]));
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(text).toContain("# TYPE citybrain_http_request_duration_seconds histogram");
  });

  it("reports ingest rows, SSE clients, extract version and process memory", async () => {
    const hub = new EventHub();
    const sub = hub.subscribe();
    const m = new AppMetrics({ sseClients: () => hub.clients, extractVersion: () => 7 });
    const base = { policy: "quarantine", errors: [], timeRange: null } as const;
    m.observeIngest({ ...base, stream: "energy", batchId: "a", replayed: false, accepted: 90, rejected: 3 });
    m.observeIngest({ ...base, stream: "energy", batchId: "b", replayed: false, accepted: 10, rejected: 0 });
    m.observeIngest({ ...base, stream: "energy", batchId: "a", replayed: true, accepted: 0, rejected: 0 });
    const text = m.render();
    expect(sampleValue(text, 'citybrain_ingest_rows_total{stream="energy",outcome="accepted"}')).toBe(100);
    expect(sampleValue(text, 'citybrain_ingest_rows_total{stream="energy",outcome="rejected"}')).toBe(3);
    expect(sampleValue(text, 'citybrain_ingest_batches_total{stream="energy",outcome="replayed"}')).toBe(1);
    expect(sampleValue(text, "citybrain_sse_clients")).toBe(1);
    expect(sampleValue(text, "citybrain_extract_version")).toBe(7);
    expect(sampleValue(text, "process_resident_memory_bytes")).toBeGreaterThan(1e6);
    expect(sampleValue(text, "process_uptime_seconds")).toBeGreaterThan(0);
    sub.close();
    expect(sampleValue(m.render(), "citybrain_sse_clients")).toBe(0);
    for (const line of text.trim().split("\n")) {
      if (!line.startsWith("#")) expect(line).toMatch(SAMPLE);
    }
  });

  it("leaves out a gauge that is unknown and escapes label values", () => {
    const m = new AppMetrics({ extractVersion: () => null });
    expect(m.render()).not.toContain("citybrain_extract_version");
    const c = new Counter("x_total", "help with \\ and\nnewline", ["path"]);
    c.inc({ path: 'a"b\\c\nd' });
    expect(renderFamilies([c.family()])).toBe(
      '# HELP x_total help with \\\\ and\\nnewline\n# TYPE x_total counter\nx_total{path="a\\"b\\\\c\\nd"} 1\n',
    );
  });

  it("keeps at most MAX_SERIES series per metric, counting the rest as overflow", () => {
    const c = new Counter("y_total", "y", ["k"]);
    for (let i = 0; i < MAX_SERIES + 50; i++) c.inc({ k: String(i) });
    const f = c.family();
    expect(f.samples).toHaveLength(MAX_SERIES + 1);
    expect(f.samples.find((s) => s.labels.k === "overflow")?.value).toBe(50);
  });

  it("exports each real-video camera's health: online, frames by outcome, rate, lag", async () => {
    const now = Date.UTC(2026, 10, 26, 8, 0, 0);
    const base = { fps: 0, framesProcessed: 0, framesDropped: 0, framesFailed: 0, restarts: 0 };
    let cameras: Parameters<typeof cameraFamilies>[0] = [
      {
        ...base,
        cameraId: "CAM-1",
        online: true,
        lastFrameAt: now - 500,
        fps: 4.8,
        framesReceived: 120,
        framesProcessed: 117,
        framesDropped: 3,
        processMs: 48.5,
      },
      {
        ...base,
        cameraId: "GATE-2",
        online: false,
        lastFrameAt: null,
        framesReceived: 0,
        restarts: 2,
        processMs: null,
      },
    ];
    const m = new AppMetrics({ cameras: () => cameras, now: () => now });
    const text = await (await appWith(m).request("/api/metrics")).text();
    expect(sampleValue(text, 'citybrain_camera_online{camera="CAM-1"}')).toBe(1);
    expect(sampleValue(text, 'citybrain_camera_online{camera="GATE-2"}')).toBe(0);
    expect(sampleValue(text, 'citybrain_camera_frames_total{camera="CAM-1",outcome="processed"}')).toBe(117);
    expect(sampleValue(text, 'citybrain_camera_frames_total{camera="CAM-1",outcome="dropped"}')).toBe(3);
    expect(sampleValue(text, 'citybrain_camera_fps{camera="CAM-1"}')).toBe(4.8);
    expect(sampleValue(text, 'citybrain_camera_process_seconds{camera="CAM-1"}')).toBeCloseTo(0.0485);
    expect(sampleValue(text, 'citybrain_camera_last_frame_age_seconds{camera="CAM-1"}')).toBe(0.5);
    // A camera that never had a frame has no age and no processing time, rather than a made-up 0.
    expect(sampleValue(text, 'citybrain_camera_last_frame_age_seconds{camera="GATE-2"}')).toBeUndefined();
    expect(sampleValue(text, 'citybrain_camera_process_seconds{camera="GATE-2"}')).toBeUndefined();
    expect(sampleValue(text, 'citybrain_camera_restarts_total{camera="GATE-2"}')).toBe(2);
    expect(text).toContain("# TYPE citybrain_camera_frames_total counter");
    for (const line of text.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line).toMatch(SAMPLE);
    // No cameras, no camera families.
    cameras = [];
    expect(await (await appWith(m).request("/api/metrics")).text()).not.toContain("citybrain_camera_");
  });
});
