import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  DEFAULT_EXTRACTS,
  DuckDBNodeConnector,
  DuckDBStore,
  extractViewSql,
  publishExtracts,
} from "@citybrain/analytics";
import { createApp } from "./app.ts";
import { AuditLog, AuthStore } from "./auth/index.ts";
import { READERS, assertRoleMatrix, runRoleMatrix, type MatrixRoute } from "./auth/role-matrix.ts";
import { EventHub } from "./events/event-hub.ts";
import { AppMetrics } from "./routes/metrics/index.ts";
import { ReportFile } from "./routes/reports/index.ts";
import { VisionService, parseVisionConfig, type InferenceBackend } from "@citybrain/vision";

const septicLine = JSON.stringify({
  ts: "2026-03-01T00:00:00Z",
  monitor_id: "SEP-001",
  town_code: "500152001",
  ch4_lel: 3,
  h2s_ppm: 1,
  level_pct: 40,
  temperature_c: 18,
});

/** An 8 × 8 grey JPEG: a real frame for the push route, without fixtures. */
const TINY_JPEG = Uint8Array.from(
  Buffer.from(
    "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAUAQEAAAAAAAAAAAAAAAAAAAAA/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AAA//2Q==",
    "base64",
  ),
);

/** The matrix checks who gets through, not what a detector sees: this one sees nothing. */
const blindDetector: InferenceBackend = {
  name: "blind",
  detect: async (frame) => ({
    cameraId: frame.cameraId,
    timestamp: frame.timestamp,
    width: 8,
    height: 8,
    detections: [],
    timings: { preprocessMs: 0, inferenceMs: 0, postprocessMs: 0 },
  }),
  close: async () => {},
};

describe("the real app's route × role matrix", () => {
  let store: DuckDBStore;
  let auth: AuthStore;
  let vision: VisionService;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    vision = await VisionService.start({
      config: parseVisionConfig({
        cameras: [{ id: "GATE-1", townCode: "500152001", source: { kind: "push" } }],
      }),
      backend: blindDetector,
    });
    store = await DuckDBStore.open({ path: ":memory:" });
    for (const def of DEFAULT_EXTRACTS) await store.exec(extractViewSql(def));
    const root = await mkdtemp(join(tmpdir(), "roles-"));
    await publishExtracts(store, root, DEFAULT_EXTRACTS);
    auth = await AuthStore.open({ path: ":memory:" });
    app = createApp({
      extractsRoot: root,
      reference: () => ({ outline: {}, towns: {} }),
      hub: new EventHub(),
      ingest: { store },
      query: { connector: new DuckDBNodeConnector(store.instance), sources: ["energy_daily_town"] },
      auth: { store: auth, audit: await AuditLog.open({ path: ":memory:" }) },
      alerts: { store },
      reports: { file: await ReportFile.open({ path: ":memory:" }), sources: ["energy_daily_town"] },
      metrics: new AppMetrics(),
      cameras: vision,
    });
  });
  afterAll(async () => {
    await vision.stop();
    await store.close();
  });

  it("lets each role do exactly what it may", async () => {
    let batch = 0;
    const routes: MatrixRoute[] = [
      { method: "GET", path: "/api/manifest", allow: READERS },
      { method: "GET", path: "/api/extracts/energy_daily_town", allow: READERS },
      { method: "GET", path: "/api/reference/towns.geojson", allow: READERS },
      {
        method: "POST",
        path: "/api/query",
        allow: ["viewer", "analyst", "admin"],
        body: { from: "energy_daily_town", measures: [{ field: "*", agg: "count" }] },
      },
      {
        method: "POST",
        path: "/api/ingest/energy",
        allow: ["ingest"],
        // An empty batch with a fresh id: authorised callers get 200.
        get headers() {
          return { "Content-Type": "application/x-ndjson", "X-Batch-Id": `m-${batch++}` };
        },
        body: "",
      },
      // The matrix's ingest token is scoped to energy only.
      {
        method: "POST",
        path: "/api/ingest/septic",
        allow: [],
        body: septicLine,
        headers: { "Content-Type": "application/x-ndjson", "X-Batch-Id": "s" },
      },
      { method: "GET", path: "/api/auth/users", allow: ["admin"] },
      { method: "GET", path: "/api/alerts", allow: READERS },
      { method: "POST", path: "/api/alerts/no-such-alert/ack", allow: ["analyst", "admin"], okStatus: [404] },
      {
        method: "POST",
        path: "/api/alerts/no-such-alert/close",
        allow: ["analyst", "admin"],
        okStatus: [404],
      },
      { method: "GET", path: "/api/reports", allow: ["viewer", "analyst", "admin"] },
      {
        method: "GET",
        path: "/api/reports/no-such-report/data",
        allow: ["viewer", "analyst", "admin"],
        okStatus: [404],
      },
      {
        method: "POST",
        path: "/api/reports",
        allow: ["analyst", "admin"],
        okStatus: [201],
        body: {
          name: "月度能耗",
          spec: { from: "energy_daily_town", measures: [{ field: "tce", agg: "sum" }] },
          presentation: { chart: "bar" },
        },
      },
      { method: "GET", path: "/api/metrics", allow: READERS },
      {
        method: "GET",
        path: "/api/openapi.json",
        allow: ["anonymous", "display", "display-query", "viewer", "analyst", "admin", "ingest"],
      },
      { method: "GET", path: "/api/auth/tokens", allow: ["admin"] },
      { method: "GET", path: "/api/cameras", allow: READERS },
      // Devices push frames with an ingest token scoped to traffic; admins may too; viewers may not.
      {
        method: "POST",
        path: "/api/cameras/GATE-1/frames",
        allow: ["ingest", "admin"],
        okStatus: [202],
        headers: { "Content-Type": "image/jpeg" },
        body: TINY_JPEG,
      },
      { method: "GET", path: "/api/cameras/GATE-1/snapshot.jpg", allow: READERS, okStatus: [200, 503] },
      { method: "GET", path: "/api/vision-evidence/VIS-none.jpg", allow: READERS, okStatus: [404] },
    ];
    assertRoleMatrix(await runRoleMatrix({ app, store: auth, routes, ingestStreams: ["energy", "traffic"] }));
  });
});
