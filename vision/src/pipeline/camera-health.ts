import type { PlateReaderStats } from "../plates/plate-read.ts";

/** A camera's state as the wall and the API show it. */
export interface CameraHealth {
  cameraId: string;
  /** `starting` until the first frame; `offline` while the source fails (see `reason`); `ended` when a file ran out. */
  state: "starting" | "online" | "offline" | "ended" | "stopped";
  /** A frame arrived within the last `staleAfterMs` and the source is not failing. */
  online: boolean;
  /** Why the camera is not online, in words (the source's error, a missing file, a stale feed). */
  reason: string | null;
  /** Wall-clock time the last frame arrived, ms since the epoch. */
  lastFrameAt: number | null;
  /** Capture timestamp of the last processed frame. */
  lastFrameTimestamp: number | null;
  /** Frames processed per second over the last 10 s of wall-clock time. */
  fps: number;
  framesReceived: number;
  framesProcessed: number;
  /** Frames skipped because the detector was busy (keep-latest) or refused them. */
  framesDropped: number;
  /** Frames the detector could not use (not decodable). */
  framesFailed: number;
  /** Times the source was restarted after failing. */
  restarts: number;
  lastError: string | null;
  /** Median milliseconds from taking a frame to its counts and events, over recent frames. */
  processMs: number | null;
  /** Plate reading counters, for cameras with `plates` enabled. */
  plates?: PlateReaderStats;
}

/** Keeps a camera's counters and turns them into a {@link CameraHealth}. */
export class HealthTracker {
  state: CameraHealth["state"] = "starting";
  reason: string | null = null;
  lastFrameAt: number | null = null;
  lastFrameTimestamp: number | null = null;
  received = 0;
  processed = 0;
  dropped = 0;
  failed = 0;
  restarts = 0;
  lastError: string | null = null;
  private readonly processedAt: number[] = [];
  private readonly durations: number[] = [];

  constructor(
    readonly cameraId: string,
    private readonly staleAfterMs: number,
    private readonly now: () => number,
  ) {}

  frameReceived(): void {
    this.received += 1;
    this.lastFrameAt = this.now();
    if (this.state === "starting" || this.state === "offline") this.state = "online";
    this.reason = null;
  }

  frameProcessed(timestamp: number, ms: number): void {
    this.processed += 1;
    this.lastFrameTimestamp = timestamp;
    const now = this.now();
    this.processedAt.push(now);
    while ((this.processedAt[0] ?? now) < now - 10_000) this.processedAt.shift();
    this.durations.push(ms);
    if (this.durations.length > 50) this.durations.shift();
  }

  failure(state: "offline" | "ended", reason: string): void {
    this.state = state;
    this.reason = reason;
    if (state === "offline") this.lastError = reason;
  }

  snapshot(): CameraHealth {
    const now = this.now();
    const stale = this.lastFrameAt === null || now - this.lastFrameAt > this.staleAfterMs;
    const online = this.state === "online" && !stale;
    const reason =
      this.reason ??
      (this.state === "online" && stale
        ? `no frame for ${Math.round((now - (this.lastFrameAt ?? now)) / 1000)} s`
        : null);
    const recent = this.processedAt.filter((t) => t >= now - 10_000);
    const window = recent.length > 1 ? Math.max(1, now - (recent[0] ?? now)) : 10_000;
    const sorted = [...this.durations].sort((a, b) => a - b);
    return {
      cameraId: this.cameraId,
      state: this.state,
      online,
      reason: online ? null : reason,
      lastFrameAt: this.lastFrameAt,
      lastFrameTimestamp: this.lastFrameTimestamp,
      fps: Math.round(((recent.length > 1 ? recent.length - 1 : recent.length) * 10_000) / window) / 10,
      framesReceived: this.received,
      framesProcessed: this.processed,
      framesDropped: this.dropped,
      framesFailed: this.failed,
      restarts: this.restarts,
      lastError: this.lastError,
      processMs: sorted.length ? Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10 : null,
    };
  }
}
