import type { InferenceBackend } from "../backend/inference-backend.ts";
import { createWorkerPoolBackend } from "../backend/worker-pool-backend.ts";
import type { VisionConfig } from "../config/camera-config.ts";
import { ensureCenternetOnnx } from "../convert/ensure-centernet-onnx.ts";
import { annotateScene } from "../evidence/annotate-scene.ts";
import { EvidenceStore } from "../evidence/evidence-store.ts";
import type { EvidenceStoreOptions } from "../evidence/evidence-store.ts";
import { createOcrWorker } from "../ocr/create-ocr-worker.ts";
import type { TextReader } from "../ocr/text-reader.ts";
import type { AlertRow } from "../pipeline/alert-rows.ts";
import type { CameraHealth } from "../pipeline/camera-health.ts";
import { CameraPipeline } from "../pipeline/camera-pipeline.ts";
import type { BatchCallback } from "../pipeline/deliver-batch.ts";
import type { TrafficRow } from "../pipeline/minute-counts.ts";
import type { Scene } from "../pipeline/scene.ts";
import type { FrameSource } from "../sources/frame-source.ts";
import { PushFrameError } from "../sources/push/push-frame-error.ts";
import type { PushFrameSource } from "../sources/push/push-frame-source.ts";
import { createCameraSource, isPushSource } from "./camera-source.ts";
import type { CameraSourceOptions } from "./camera-source.ts";
import { offlineHealth } from "./offline-health.ts";

/** Options of {@link VisionService}. */
export interface VisionServiceOptions extends CameraSourceOptions {
  /** Validated cameras (`parseVisionConfig`, `loadVisionConfig`, `demoVisionConfig`). */
  config: VisionConfig;
  /** Closed minutes' `traffic` rows with an idempotent batch id. */
  onTraffic?: BatchCallback<TrafficRow>;
  /** New `alerts` rows with an idempotent batch id. */
  onAlert?: BatchCallback<AlertRow>;
  /** Where alert snapshots go; without it alerts carry `evidence: null`. */
  evidence?: EvidenceStoreOptions;
  /**
   * A detector to share, or a function that makes one (the service closes what it made); by
   * default a worker pool on the converted CenterNet.
   */
  backend?: InferenceBackend | (() => Promise<InferenceBackend>);
  /**
   * OCR for cameras with `plates` enabled, or a function that makes it (the service closes what
   * it made); by default one PP-OCRv4 worker thread, started only when some camera reads plates.
   */
  ocr?: TextReader | (() => Promise<TextReader>);
  /** Worker pool size when the service makes the backend. @default cores ÷ 1 */
  poolSize?: number;
  /** Source per camera; by default from its `source` config (tests replace it). */
  createSource?: (camera: VisionConfig["cameras"][number]) => FrameSource;
  /** Restart backoff for failing sources. @default { initialDelayMs: 1000, maxDelayMs: 30000 } */
  restart?: { initialDelayMs?: number; maxDelayMs?: number };
}

/** The whole vision side of a node, as the server sees it. */
export interface VisionHealth {
  /** The detector: ready, or why not. */
  detector: { ready: boolean; name: string | null; error: string | null };
  /** The plate OCR, when some camera has `plates` enabled: ready, or why not. */
  ocr?: { ready: boolean; name: string | null; error: string | null };
  cameras: CameraStatus[];
}

/** A camera's health with where it is, as the wall and the operators see it. */
export interface CameraStatus extends CameraHealth {
  /** Display name (the config's `name`, else the id), e.g. "桂林街道·人民路与潼龙路路口". */
  name: string;
  townCode: string;
  roadId: string | null;
  lon: number | null;
  lat: number | null;
}

/** What became of a pushed frame. */
export interface PushResult {
  /**
   * An earlier pushed frame was still waiting for the detector and this one replaces it (it is
   * counted in the camera's `framesDropped`): the detector always works on the newest frame.
   */
  replaced: boolean;
}

/**
 * Runs a set of camera pipelines from a config on one shared detector and hands their rows to
 * the server. Never throws for a camera's sake: a missing video file, an unreachable URL or a
 * detector that cannot load leave the camera offline with a reason in {@link health}.
 *
 * @example
 * const vision = await VisionService.start({
 *   config: demoVisionConfig(),
 *   evidence: { dir: "data/vision-evidence" },
 *   onTraffic: (rows, { batchId }) => store.ingest("traffic", rows, { batchId }),
 *   onAlert: (rows, { batchId }) => store.ingest("alerts", rows, { batchId }),
 * });
 * app.get("/api/cameras/:id/snapshot.jpg", async (c) => …(await vision.latestSnapshot(c.req.param("id"))));
 * await vision.stop();
 */
export class VisionService {
  private readonly pipelines = new Map<string, CameraPipeline>();
  private readonly sources = new Map<string, FrameSource>();
  private readonly snapshots = new Map<string, { scene: Scene; jpeg: Promise<Buffer> }>();
  private backend: InferenceBackend | undefined;
  private ownsBackend = false;
  private detectorError: string | null = null;
  private ocr: TextReader | undefined;
  private ownsOcr = false;
  private ocrError: string | null = null;
  private stopping = false;
  readonly evidence: EvidenceStore | undefined;

  private constructor(private readonly options: VisionServiceOptions) {
    this.evidence = options.evidence ? new EvidenceStore(options.evidence) : undefined;
  }

  /** Starts the detector and every camera; resolves once they are starting (not once online). */
  static async start(options: VisionServiceOptions): Promise<VisionService> {
    const service = new VisionService(options);
    await service.startAll();
    return service;
  }

  private async startAll(): Promise<void> {
    const given = this.options.backend;
    try {
      if (given && typeof given !== "function") this.backend = given;
      else {
        this.backend = given ? await given() : await this.defaultBackend();
        this.ownsBackend = true;
      }
    } catch (error) {
      this.detectorError = `detector unavailable: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    await this.startOcr();
    for (const camera of this.options.config.cameras) {
      const source = this.options.createSource?.(camera) ?? createCameraSource(camera, this.options);
      const pipeline = new CameraPipeline({
        camera,
        source,
        backend: this.backend,
        evidence: this.evidence,
        ocr: this.ocr,
        onTraffic: this.options.onTraffic,
        onAlert: this.options.onAlert,
        restart: this.options.restart,
        // Files are played as a live camera (`realtime`) or read as fast as the detector goes.
        overload: camera.source.kind === "file" && !camera.source.realtime ? "block" : "keep-latest",
      });
      this.sources.set(camera.id, source);
      this.pipelines.set(camera.id, pipeline);
      pipeline.start();
    }
  }

  /** Starts the plate OCR if a camera reads plates; a failure leaves those cameras without plates, saying why. */
  private async startOcr(): Promise<void> {
    if (!this.options.config.cameras.some((c) => c.plates?.enabled)) return;
    const given = this.options.ocr;
    try {
      if (given && typeof given !== "function") this.ocr = given;
      else {
        this.ocr = given ? await given() : await createOcrWorker();
        this.ownsOcr = true;
      }
    } catch (error) {
      this.ocrError = `plate OCR unavailable: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async defaultBackend(): Promise<InferenceBackend> {
    const { path } = await ensureCenternetOnnx();
    return createWorkerPoolBackend({ modelPath: path, poolSize: this.options.poolSize, intraOpThreads: 1 });
  }

  /** Ids of the configured cameras, in config order. */
  cameraIds(): string[] {
    return this.options.config.cameras.map((c) => c.id);
  }

  /** Detector state and every camera's health (offline cameras say why). */
  health(): VisionHealth {
    return {
      detector: {
        ready: this.backend !== undefined,
        name: this.backend?.name ?? null,
        error: this.detectorError,
      },
      ...(this.ocr || this.ocrError
        ? { ocr: { ready: this.ocr !== undefined, name: this.ocr?.name ?? null, error: this.ocrError } }
        : {}),
      cameras: this.options.config.cameras.map((c) => ({
        ...(this.pipelines.get(c.id)?.status() ?? offlineHealth(c.id, this.detectorError ?? "not started")),
        name: c.name ?? c.id,
        townCode: c.townCode,
        roadId: c.roadId,
        lon: c.lon,
        lat: c.lat,
      })),
    };
  }

  /**
   * The newest processed frame of a camera with boxes, zones, lines and counts drawn, as JPEG;
   * `null` for an unknown camera or before its first frame. Drawn on demand, once per frame.
   */
  async latestSnapshot(cameraId: string): Promise<Uint8Array | null> {
    const scene = this.pipelines.get(cameraId)?.latestScene();
    if (!scene) return null;
    let cached = this.snapshots.get(cameraId);
    if (cached?.scene !== scene) {
      cached = { scene, jpeg: annotateScene(scene) };
      this.snapshots.set(cameraId, cached);
    }
    return cached.jpeg;
  }

  /**
   * An alert's evidence snapshot by its reference (the alert row's `evidence`, e.g.
   * `vision-evidence/VIS-….jpg`), or `null` when unknown or removed by retention.
   */
  evidenceSnapshot(reference: string): Promise<Uint8Array | null> {
    return this.evidence ? this.evidence.read(reference) : Promise.resolve(null);
  }

  /**
   * The push source of a camera that takes pushed frames now.
   * @throws {PushFrameError} `unknown_camera`, `not_push`, or `unavailable` (no detector; stopping).
   */
  pushTarget(cameraId: string): PushFrameSource {
    const camera = this.options.config.cameras.find((c) => c.id === cameraId);
    if (!camera) {
      throw new PushFrameError("unknown_camera", cameraId, `camera "${cameraId}" is not configured`);
    }
    if (camera.source.kind !== "push") {
      throw new PushFrameError(
        "not_push",
        cameraId,
        `camera "${cameraId}" does not take pushed frames (its source is "${camera.source.kind}", not "push")`,
      );
    }
    const source = this.sources.get(cameraId);
    if (this.stopping || !source || !isPushSource(source)) {
      const why = this.stopping ? "the vision service is stopping" : (this.detectorError ?? "not started");
      throw new PushFrameError(
        "unavailable",
        cameraId,
        `camera "${cameraId}" cannot take frames now: ${why}`,
      );
    }
    return source;
  }

  /**
   * Feeds a frame to a `push` camera (e.g. from `POST /api/cameras/:id/frames`). Check the bytes
   * first with `probeFrame`: the detector counts undecodable frames as failed, silently.
   * @param timestamp capture time, ms since the epoch; now by default. Not earlier than the previous frame's.
   * @throws {PushFrameError} see {@link pushTarget}, and `out_of_order`.
   */
  push(cameraId: string, image: Uint8Array, timestamp?: number): PushResult {
    const source = this.pushTarget(cameraId);
    // Frames move from the source to the pipeline's one-frame mailbox at once; one still waiting
    // there (or in the source) when this one arrives is replaced by it.
    const replaced = source.buffered > 0 || this.pipelines.get(cameraId)?.hasWaitingFrame() === true;
    source.push(image, timestamp);
    return { replaced };
  }

  /** Stops every camera (flushing open minutes and plate reads), then the detector and OCR if the service made them. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.pipelines.values()].map((p) => p.stop()));
    if (this.ownsBackend) await this.backend?.close();
    if (this.ownsOcr) await this.ocr?.close();
  }
}
