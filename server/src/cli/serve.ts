import { serve } from "@hono/node-server";
import { DEFAULT_EXTRACTS, DEFAULT_ROLLUPS, DuckDBNodeConnector, extractViewSql } from "@citybrain/analytics";
import type { PresetName } from "@citybrain/datasets";
import { tongnanOutline, townCells } from "@citybrain/datasets/reference";
import { screenDistDir } from "@citybrain/screen/dist-path";
import { createApp } from "../app.ts";
import { prepareData } from "../bootstrap/prepare-data.ts";
import { EventHub } from "../events/event-hub.ts";
import { ExtractPublisher } from "../publish/extract-publisher.ts";
import { log } from "./log.ts";
import { Simulator } from "../simulate/index.ts";
import { AuditLog, AuthStore } from "../auth/index.ts";
import { authPaths } from "./auth-commands.ts";
import { join } from "node:path";
import type { IngestResult } from "@citybrain/analytics";
import { createLogger } from "../logging/index.ts";
import { AppMetrics } from "../routes/metrics/index.ts";
import { ReportFile } from "../routes/reports/index.ts";
import { VisionService, demoVisionConfig, loadVisionConfig } from "@citybrain/vision";

/** Options of `citybrain serve`. */
export interface ServeOptions {
  readonly preset: PresetName;
  readonly seed: number;
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  /** Issue a fresh display token for this run's wall URL (the demo default). */
  readonly wallToken: boolean;
  /** Keep feeding live demo data through the ingest path. */
  readonly simulate: boolean;
  /** Simulated time per real time for the live feed (1 = real time). */
  readonly speed: number;
  /** Run the real-video cameras (object detection, counting lines, zone events). */
  readonly vision: boolean;
  /** A camera config file; default: the demo's four real-video cameras looping vtest.avi. */
  readonly visionConfig?: string;
  /** Largest frame body `POST /api/cameras/:id/frames` accepts, bytes (default 8 MiB). */
  readonly maxFrameBytes?: number;
}

const WALL_TOKEN_LABEL = "本机演示大屏 local demo wall";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** The log level from CITYBRAIN_LOG_LEVEL (default info); an unknown value is a start-up error. */
function logLevel(value: string | undefined): (typeof LEVELS)[number] {
  if (value === undefined || value === "") return "info";
  if ((LEVELS as readonly string[]).includes(value)) return value as (typeof LEVELS)[number];
  throw new Error(`CITYBRAIN_LOG_LEVEL: expected one of ${LEVELS.join(", ")}, got "${value}"`);
}

/** Prepares data, then serves the API and the screen until SIGINT/SIGTERM. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const { store, paths, manifest } = await prepareData({ ...options, log });
  for (const def of DEFAULT_EXTRACTS) await store.exec(extractViewSql(def));
  const auth = await AuthStore.open({ path: authPaths(options.dataDir).auth });
  const audit = await AuditLog.open({ path: authPaths(options.dataDir).audit });
  let wallQuery = "";
  if (options.wallToken) {
    // One live demo-wall token at a time: revoke the previous run's, issue this run's.
    for (const t of auth.listTokens()) {
      if (t.label === WALL_TOKEN_LABEL && !t.revokedAt) await auth.revokeToken(t.id);
    }
    const issued = await auth.issueToken({ kind: "display", label: WALL_TOKEN_LABEL, createdBy: "serve" });
    wallQuery = `?token=${encodeURIComponent(issued.token)}`;
  }
  const hub = new EventHub();
  // Walls poll and get SSE pushes; republishing more often than every few seconds buys nothing.
  const publisher = new ExtractPublisher({
    store,
    root: paths.extracts,
    extracts: DEFAULT_EXTRACTS,
    hub,
    log,
    debounceMs: 5000,
  });
  const querySources = [...DEFAULT_EXTRACTS.map((e) => e.name), ...DEFAULT_ROLLUPS.map((r) => r.name)];
  const appMetrics = new AppMetrics({
    sseClients: () => hub.clients,
    extractVersion: () => publisher.state().version ?? manifest.version,
    // `vision` starts below; metrics are only read once the server listens.
    cameras: () => vision?.health().cameras ?? [],
  });
  // Every write (HTTP ingest, live feed, alert ack/close) lands here: count it, note what it
  // touched so the next publish recomputes only the extracts that read it, and schedule that.
  const written = (r: IngestResult): void => {
    appMetrics.observeIngest(r);
    publisher.noteIngest(r);
    publisher.schedule();
  };
  let simulator: Simulator | undefined;
  if (options.simulate) {
    simulator = new Simulator({
      store,
      preset: options.preset,
      seed: options.seed,
      speed: options.speed,
      hub,
      log,
      onIngested: written,
    });
    await simulator.start();
    log(
      `模拟数据 live demo feed at ${options.speed}× from ${new Date(simulator.historyEnd).toISOString()} (--no-simulate to stop)`,
    );
  }
  let vision: VisionService | undefined;
  if (options.vision) {
    // Counts and events go through the same ingest path as every other source.
    vision = await VisionService.start({
      config: options.visionConfig
        ? await loadVisionConfig(options.visionConfig)
        : demoVisionConfig({ seed: options.seed }),
      evidence: { dir: join(paths.extracts, "..", "vision-evidence"), maxFiles: 5000 },
      onTraffic: (rows, { batchId }) => store.ingest("traffic", rows, { batchId }).then(written),
      onAlert: (rows, { batchId }) => store.ingest("alerts", rows, { batchId }).then(written),
    });
    const cams = vision.health().cameras;
    log(
      `视频分析 vision: ${cams.length} real-video cameras (${cams.map((c) => c.cameraId).join(", ")}); --no-vision to stop`,
    );
  }
  const shutdown = new AbortController();
  const app = createApp({
    shutdown: shutdown.signal,
    extractsRoot: paths.extracts,
    screenRoot: screenDistDir,
    reference: () => ({ outline: tongnanOutline(), towns: townCells() }),
    hub,
    auth: { store: auth, audit },
    ingest: { store, onIngested: written },
    alerts: {
      store,
      onChanged: () => {
        publisher.noteIngest({ stream: "alerts", timeRange: null });
        publisher.schedule();
      },
    },
    reports: {
      file: await ReportFile.open({ path: join(paths.extracts, "..", "reports.json") }),
      sources: querySources,
    },
    metrics: appMetrics,
    ...(vision ? { cameras: vision } : {}),
    ...(options.maxFrameBytes ? { cameraFrames: { maxBytes: options.maxFrameBytes } } : {}),
    logger: createLogger({ level: logLevel(process.env.CITYBRAIN_LOG_LEVEL), pretty: process.stderr.isTTY }),
    query: { connector: new DuckDBNodeConnector(store.instance), sources: querySources },
    health: {
      store: async () => ({ ok: (await store.query("SELECT 1 AS ok")).length === 1 }),
      ...(vision
        ? {
            vision: async () => {
              const h = vision?.health();
              const online = h?.cameras.filter((c) => c.online).length ?? 0;
              return {
                ok: h?.detector.ready !== false,
                detail: `${online}/${h?.cameras.length ?? 0} cameras online${h?.detector.error ? `; detector: ${h.detector.error}` : ""}`,
              };
            },
          }
        : {}),
      ...(simulator
        ? {
            simulate: async () => {
              const st = simulator?.state();
              return { ok: true, detail: JSON.stringify(st) };
            },
          }
        : {}),
      extracts: async () => {
        const s = publisher.state();
        return { ok: s.ok, detail: s.detail ?? `v${s.version ?? manifest.version}` };
      },
    },
  });
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
    const base = `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${info.port}`;
    if (auth.needsSetup()) {
      log(
        `首次启动 first start: create the admin at ${base}${auth.createSetupLink().path} (valid 1 h, once)`,
      );
      log("  or from the CLI: citybrain users add NAME --role admin --password-stdin");
    }
    // The line tests and people look for: keep its shape.
    console.log(`citybrain listening on ${base}/wall${wallQuery}`);
  });
  const stop = (signal: string): void => {
    log(
      `${signal}: shutting down — no new connections; open requests finish, event streams get a reconnect hint`,
    );
    shutdown.abort();
    void (async () => {
      await simulator?.stop(); // no more feed writes
      await vision?.stop(); // flushes the open minute's counts
      server.close(() => {
        // Open ingests have finished (the server waits for in-flight requests): flush and close.
        void publisher
          .stop()
          .then(() => store.close())
          .then(() => process.exit(0));
      });
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    })();
    setTimeout(() => {
      log("forced exit: requests were still open 10 s after the shutdown signal");
      process.exit(1);
    }, 10_000).unref();
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}
