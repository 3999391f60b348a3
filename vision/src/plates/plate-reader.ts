import type { PlateConfig } from "../config/plate-config.ts";
import type { ZoneConfig } from "../config/camera-config.ts";
import { anchorPoint } from "../counting/anchor-point.ts";
import { pointInPolygon } from "../geometry/point.ts";
import type { TextReader } from "../ocr/text-reader.ts";
import type { Scene } from "../pipeline/scene.ts";
import { trafficClassOf } from "../pipeline/traffic-class.ts";
import type { Track } from "../tracking/track.ts";
import { cropVehicle } from "./crop-vehicle.ts";
import { plateFromLines } from "./plate-from-lines.ts";
import type { PlateRead, PlateReaderStats } from "./plate-read.ts";

/** Options of {@link PlateReader}. */
export interface PlateReaderOptions {
  cameraId: string;
  config: PlateConfig;
  /** The zone `config.zone` names (resolved by the caller). */
  zone?: ZoneConfig;
  ocr: TextReader;
  /** Called once per track with its best read; a returned promise is awaited by {@link PlateReader.flush}. */
  onRead: (read: PlateRead) => void | Promise<void>;
  onError: (message: string) => void;
  /** A track not offered for this long (frame time) is finished: its best read is raised. @default 3000 */
  lostAfterMs?: number;
}

interface TrackState {
  attempts: number;
  inFlight: number;
  lastAttemptAt: number;
  lastSeen: number;
  best?: PlateRead;
  done: boolean;
}

/**
 * Reads the plates of a camera's confirmed vehicles without holding up its frames: `offer`
 * returns at once and starts at most `maxInFlight` OCR runs (vehicle crop from the full frame →
 * PP-OCRv4 → `parsePlate`); each track gets up to `maxAttempts` runs `retrySeconds` apart, and
 * its most confident read is raised once — when the attempts are spent or the track is gone.
 */
export class PlateReader {
  private readonly tracks = new Map<number, TrackState>();
  /** Ids of tracks already finished and forgotten (newest last, bounded): never read again. */
  private readonly forgotten = new Set<number>();
  private readonly pending = new Set<Promise<void>>();
  private readonly counts: PlateReaderStats = {
    attempts: 0,
    reads: 0,
    events: 0,
    skippedBusy: 0,
    failed: 0,
    inFlight: 0,
    lastOcrMs: null,
  };

  constructor(private readonly options: PlateReaderOptions) {}

  /** Considers one processed frame; never waits for OCR. */
  offer(scene: Scene): void {
    const { config } = this.options;
    for (const track of scene.tracks) {
      if (this.forgotten.has(track.id) || !this.eligible(track)) continue;
      const state = this.tracks.get(track.id) ?? this.newState(track.id);
      state.lastSeen = scene.timestamp;
      if (state.done || state.attempts >= config.maxAttempts) continue;
      if (scene.timestamp - state.lastAttemptAt < config.retrySeconds * 1000) continue;
      if (this.counts.inFlight >= config.maxInFlight) {
        this.counts.skippedBusy += 1;
        continue;
      }
      this.attempt(state, track, scene);
    }
    const lostAfter = this.options.lostAfterMs ?? 3000;
    for (const [id, state] of this.tracks) {
      const lost = scene.timestamp - state.lastSeen > lostAfter;
      if (state.inFlight > 0 || !(lost || state.attempts >= config.maxAttempts)) continue;
      this.finish(state);
      if (lost) this.forget(id);
    }
  }

  /** Resolves when no OCR run (nor the raising of a read) is in flight. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  /**
   * Waits for the runs in flight and raises every track's best read not raised yet (at stop, or
   * before a restarted source's tracker starts its ids again), then forgets all tracks.
   */
  async flush(): Promise<void> {
    await this.idle();
    for (const state of this.tracks.values()) this.finish(state);
    this.tracks.clear();
    this.forgotten.clear();
    await this.idle();
  }

  stats(): PlateReaderStats {
    return { ...this.counts };
  }

  private eligible(track: Track): boolean {
    const { config, zone } = this.options;
    const cls = trafficClassOf(track.label);
    if (track.state !== "confirmed" || !cls || !(config.classes as readonly string[]).includes(cls))
      return false;
    if (zone && !pointInPolygon(anchorPoint(track.box), zone.polygon)) return false;
    return track.box.x2 - track.box.x1 >= config.minCropWidth;
  }

  private forget(id: number): void {
    this.tracks.delete(id);
    this.forgotten.add(id);
    if (this.forgotten.size > 1024) this.forgotten.delete(this.forgotten.values().next().value ?? id);
  }

  private newState(id: number): TrackState {
    const state: TrackState = {
      attempts: 0,
      inFlight: 0,
      lastAttemptAt: -Infinity,
      lastSeen: 0,
      done: false,
    };
    this.tracks.set(id, state);
    return state;
  }

  private attempt(state: TrackState, track: Track, scene: Scene): void {
    state.attempts += 1;
    state.inFlight += 1;
    state.lastAttemptAt = scene.timestamp;
    this.counts.attempts += 1;
    this.counts.inFlight += 1;
    const job = this.read(state, track, scene)
      .catch((error: unknown) => {
        this.counts.failed += 1;
        this.options.onError(
          `plate read of track #${track.id}: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        state.inFlight -= 1;
        this.counts.inFlight -= 1;
        this.pending.delete(job);
        if (state.inFlight === 0 && state.attempts >= this.options.config.maxAttempts) this.finish(state);
      });
    this.pending.add(job);
  }

  private async read(state: TrackState, track: Track, scene: Scene): Promise<void> {
    const { cameraId, config, ocr } = this.options;
    const crop = await cropVehicle(scene.image, track.box, scene, cameraId);
    const t0 = performance.now();
    const { lines } = await ocr.readPixels(crop, cameraId);
    const ocrMs = performance.now() - t0;
    this.counts.lastOcrMs = ocrMs;
    const found = plateFromLines(lines);
    if (!found || found.confidence < config.minConfidence) return;
    this.counts.reads += 1;
    if (state.best && state.best.confidence >= found.confidence) return;
    const { x1, y1, x2, y2 } = found.box;
    state.best = {
      trackId: track.id,
      trafficClass: trafficClassOf(track.label) ?? "car",
      plate: found.plate,
      confidence: found.confidence,
      watchlisted: config.watchlist.includes(found.plate),
      firstSeen: track.firstSeen,
      at: scene.timestamp,
      attempts: state.attempts,
      // Boxes copied: the evidence is drawn later, after the tracker has moved on.
      scene: { ...scene, tracks: scene.tracks.map((t) => ({ ...t, box: { ...t.box } })) },
      plateBox: { x1: x1 + crop.left, y1: y1 + crop.top, x2: x2 + crop.left, y2: y2 + crop.top },
      ocrMs,
    };
  }

  private finish(state: TrackState): void {
    if (state.done || !state.best) return;
    state.done = true;
    this.counts.events += 1;
    const best = { ...state.best, attempts: state.attempts };
    const raised = Promise.resolve()
      .then(() => this.options.onRead(best))
      .catch((error: unknown) =>
        this.options.onError(
          `plate read of track #${best.trackId}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => this.pending.delete(raised));
    this.pending.add(raised);
  }
}
