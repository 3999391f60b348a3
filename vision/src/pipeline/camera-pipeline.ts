import { FrameError } from "../backend/inference-backend.ts";
import type { EncodedFrame, InferenceBackend } from "../backend/inference-backend.ts";
import type { CameraConfig } from "../config/camera-config.ts";
import type { TextReader } from "../ocr/text-reader.ts";
import { cameraPlateReader } from "../plates/camera-plate-reader.ts";
import type { PlateReader } from "../plates/plate-reader.ts";
import type { FrameSource } from "../sources/frame-source.ts";
import { IouTracker } from "../tracking/iou-tracker.ts";
import type { AlertRow } from "./alert-rows.ts";
import { HealthTracker } from "./camera-health.ts";
import type { CameraHealth } from "./camera-health.ts";
import { FrameMailbox } from "./frame-mailbox.ts";
import type { OverloadPolicy } from "./frame-mailbox.ts";
import { FrameAnalyser } from "./frame-analyser.ts";
import type { FrameResult } from "./frame-analyser.ts";
import { batchIdOf, deliverBatch } from "./deliver-batch.ts";
import type { BatchCallback } from "./deliver-batch.ts";
import { raiseAlerts } from "./raise-alerts.ts";
import { SourceReader } from "./source-reader.ts";
import type { RestartPolicy } from "./source-reader.ts";
import type { TrafficRow } from "./minute-counts.ts";
import type { EvidenceSink, Scene } from "./scene.ts";

/** Options of {@link CameraPipeline}. */
export interface CameraPipelineOptions {
  camera: CameraConfig;
  source: FrameSource;
  /** Shared by all cameras of a node (usually a worker pool). */
  backend: InferenceBackend;
  /** A fresh tracker; called again whenever the source restarts. @default () => new IouTracker(camera.tracker) */
  createTracker?: () => IouTracker;
  /** @default "keep-latest" */
  overload?: OverloadPolicy;
  /** Where alert snapshots go; alerts carry `evidence: null` without one. */
  evidence?: EvidenceSink;
  /** OCR for cameras with `plates` enabled (shared by the node's cameras, e.g. `createOcrWorker()`). */
  ocr?: TextReader;
  /** Closed minutes' `traffic` rows. Errors (a rejected promise) are recorded in health, never lost silently. */
  onTraffic?: BatchCallback<TrafficRow>;
  /** New `alerts` rows. */
  onAlert?: BatchCallback<AlertRow>;
  /** Every processed frame (tests, QA, benchmarks). */
  onFrame?: (result: FrameResult, frame: EncodedFrame) => void;
  /** Restart a failed source with exponential backoff (1 s doubling to 30 s); `false` stops at the first failure. */
  restart?: RestartPolicy;
  /** No frame for this long means offline, ms. @default max(5000, 5 frame intervals) */
  staleAfterMs?: number;
  /** Wall clock (tests). @default Date.now */
  now?: () => number;
}

/**
 * One camera's pipeline: frames from a {@link FrameSource} → detector → tracker → counting
 * lines and zone rules → `traffic` rows per closed minute and `alerts` rows per event, with
 * health. A reader hands frames to the processor through a one-frame mailbox, so a slow
 * detector drops old frames (keep-latest) instead of queueing them.
 *
 * @example
 * const pipeline = new CameraPipeline({ camera, source, backend, onTraffic: ingestTraffic, onAlert: ingestAlerts });
 * pipeline.start();
 * …
 * await pipeline.stop(); // flushes the open minute
 */
export class CameraPipeline {
  readonly camera: CameraConfig;
  private readonly options: CameraPipelineOptions;
  private readonly health: HealthTracker;
  private readonly mailbox: FrameMailbox;
  private analyser: FrameAnalyser;
  private latest: Scene | undefined;
  private readonly reader: SourceReader;
  private running: Promise<void> | undefined;
  private refused = 0;
  private readonly plates: PlateReader | undefined;

  constructor(options: CameraPipelineOptions) {
    this.options = options;
    this.camera = options.camera;
    const fps = options.camera.source.fps;
    const now = options.now ?? Date.now;
    this.health = new HealthTracker(this.camera.id, options.staleAfterMs ?? Math.max(5000, 5000 / fps), now);
    this.mailbox = new FrameMailbox(options.overload ?? "keep-latest");
    this.reader = new SourceReader(options.source, this.mailbox, this.health, options.restart);
    this.analyser = this.newAnalyser();
    this.plates = cameraPlateReader({
      camera: this.camera,
      ocr: options.ocr,
      evidence: options.evidence,
      onAlert: (row) =>
        deliverBatch(options.onAlert, [row], batchIdOf("alerts", this.camera.id, [row]), this.recordError),
      onError: this.recordError,
    });
  }

  /** Starts reading and processing; returns at once. `done` settles when both loops end. */
  start(): void {
    if (this.running) return;
    this.running = Promise.all([this.reader.run(), this.processLoop()]).then(() => undefined);
  }

  /** Resolves when the source ended (a file without loop) or the pipeline was stopped. */
  get done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Stops the source, finishes the frame in hand, flushes the open minute's counts and raises pending plate reads. */
  async stop(): Promise<void> {
    await this.reader.stop();
    this.mailbox.close();
    await this.running;
    this.health.state = "stopped";
    this.health.reason = "stopped";
  }

  /** Current health. */
  status(): CameraHealth {
    this.health.dropped = this.mailbox.dropped + this.refused;
    const health = { ...this.health.snapshot(), ...(this.plates ? { plates: this.plates.stats() } : {}) };
    // A source that retries by itself (HTTP snapshots) knows why frames stopped before staleness shows it.
    const source = this.options.source.status?.();
    if (health.state === "starting" && !health.reason && !source?.lastError) {
      // Before the first frame, say what the camera waits for (a push camera nobody feeds yet).
      return { ...health, reason: `waiting for ${this.options.source.waitingFor ?? "its first frame"}` };
    }
    if (source && !source.connected && source.lastError && ["starting", "online"].includes(health.state)) {
      return {
        ...health,
        state: "offline",
        online: false,
        reason: source.lastError,
        lastError: source.lastError,
      };
    }
    return health;
  }

  /** Whether a received frame waits for the detector; a newer frame would replace it (keep-latest). */
  hasWaitingFrame(): boolean {
    return this.mailbox.waiting;
  }

  /** The newest processed frame and what was found in it (for the annotated live snapshot). */
  latestScene(): Scene | undefined {
    return this.latest;
  }

  private newAnalyser(): FrameAnalyser {
    return new FrameAnalyser(
      this.camera,
      this.options.createTracker?.() ?? new IouTracker(this.camera.tracker),
    );
  }

  private async processLoop(): Promise<void> {
    let restarts = 0;
    for (let frame = await this.mailbox.take(); frame; frame = await this.mailbox.take()) {
      if (this.health.restarts !== restarts) {
        // A restarted source starts a new clock and new objects: close the old minutes, forget the tracks.
        restarts = this.health.restarts;
        this.emitTraffic(this.analyser.flush());
        await this.plates?.flush();
        this.analyser = this.newAnalyser();
      }
      await this.process(frame);
    }
    this.emitTraffic(this.analyser.flush());
    await this.plates?.flush();
  }

  private async process(frame: EncodedFrame): Promise<void> {
    const t0 = performance.now();
    let detected;
    try {
      detected = await this.options.backend.detect(frame);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof FrameError) this.health.failed += 1;
      else this.refused += 1;
      this.health.lastError = message;
      return;
    }
    const timestamp = frame.timestamp ?? (this.options.now ?? Date.now)();
    const result = this.analyser.analyse(detected, timestamp);
    this.emitTraffic(result.closedRows);
    const scene: Scene = {
      camera: this.camera,
      image: frame.image,
      width: detected.width,
      height: detected.height,
      timestamp,
      tracks: result.tracks,
      lineTotals: this.analyser.lineTotals(),
    };
    this.latest = scene;
    this.plates?.offer(scene);
    if (result.events.length > 0) {
      const rows = await raiseAlerts(
        this.camera,
        result.events,
        scene,
        this.options.evidence,
        this.recordError,
      );
      deliverBatch(this.options.onAlert, rows, batchIdOf("alerts", this.camera.id, rows), this.recordError);
    }
    result.timings.totalMs = performance.now() - t0;
    this.health.frameProcessed(timestamp, result.timings.totalMs);
    this.options.onFrame?.(result, frame);
  }

  private emitTraffic(rows: TrafficRow[]): void {
    deliverBatch(this.options.onTraffic, rows, batchIdOf("traffic", this.camera.id, rows), this.recordError);
  }

  private readonly recordError = (message: string): void => {
    this.health.lastError = message;
  };
}
