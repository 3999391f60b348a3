import type { TrafficClass } from "@citybrain/datasets";
import type { FrameDetections } from "../backend/inference-backend.ts";
import type { CameraConfig, LineConfig } from "../config/camera-config.ts";
import { LineCounter } from "../counting/line-crossing.ts";
import type { LineCrossing } from "../counting/line-crossing.ts";
import type { ZoneOccupancy } from "../counting/zone-occupancy.ts";
import type { IouTracker } from "../tracking/iou-tracker.ts";
import type { Track } from "../tracking/track.ts";
import { MinuteCounts } from "./minute-counts.ts";
import type { TrafficRow } from "./minute-counts.ts";
import { TrackHistory } from "./track-history.ts";
import { trafficClassOf } from "./traffic-class.ts";
import { ZoneRules } from "./zone-rules.ts";
import type { RuleEvent } from "./zone-rules.ts";

/** A counted crossing in the stream's terms. */
export interface CountedLineCrossing extends LineCrossing {
  up: boolean;
  trafficClass: TrafficClass;
  speedKmh?: number;
}

/** What one frame produced. */
export interface FrameResult {
  timestamp: number;
  tracks: Track[];
  crossings: CountedLineCrossing[];
  events: RuleEvent[];
  occupancy: ZoneOccupancy[];
  /** Rows of minutes that closed with this frame. */
  closedRows: TrafficRow[];
  /** `detectMs`: the backend's own stages; `totalMs`: the whole frame, set by the pipeline. */
  timings: { detectMs: number; analyseMs: number; totalMs: number };
}

/**
 * The model-free part of a camera pipeline, one frame at a time: keep the countable classes,
 * track, record motion, count line crossings into minutes (with speed when calibrated) and
 * evaluate zone rules. Deterministic for the same detections and timestamps.
 */
export class FrameAnalyser {
  private readonly history: TrackHistory;
  private readonly lines: LineCounter;
  private readonly lineById: Map<string, LineConfig>;
  private readonly counts: MinuteCounts;
  private readonly rules: ZoneRules;
  private readonly totals = new Map<string, { up: number; down: number }>();

  constructor(
    readonly camera: CameraConfig,
    private readonly tracker: IouTracker,
  ) {
    const longest = Math.max(
      0,
      ...camera.zones.flatMap((z) => z.rules.map((r) => (r.kind === "stopped-vehicle" ? r.minSeconds : 0))),
    );
    this.history = new TrackHistory({ keepMs: longest * 1000 + 10_000 });
    this.lines = new LineCounter(camera.lines.map((l) => ({ id: l.id, a: l.a, b: l.b, names: l.names })));
    this.lineById = new Map(camera.lines.map((l) => [l.id, l]));
    this.counts = new MinuteCounts({
      cameraId: camera.id,
      townCode: camera.townCode,
      roadOf: (lineId) => this.lineById.get(lineId)?.roadId ?? camera.roadId,
    });
    this.rules = new ZoneRules(camera.zones);
  }

  /** Feeds one frame's detections. */
  analyse(detected: FrameDetections, timestamp: number): FrameResult {
    const t0 = performance.now();
    const countable = detected.detections.filter((d) => trafficClassOf(d.label) !== undefined);
    const tracks = this.tracker.update(countable, timestamp);
    this.history.update(tracks, timestamp);
    const crossings = this.lines.update(tracks, timestamp).map((c) => this.count(c));
    const closedRows = this.counts.closeBefore(timestamp);
    const { events, occupancy } = this.rules.update(tracks, timestamp, this.history);
    const { preprocessMs, inferenceMs, postprocessMs } = detected.timings;
    return {
      timestamp,
      tracks,
      crossings,
      events,
      occupancy,
      closedRows,
      timings: {
        detectMs: preprocessMs + inferenceMs + postprocessMs,
        analyseMs: performance.now() - t0,
        totalMs: NaN,
      },
    };
  }

  /** Rows of every minute still open (at stop or when the source restarts). */
  flush(): TrafficRow[] {
    return this.counts.closeAll();
  }

  /** Crossings so far per line, for snapshots. */
  lineTotals(): ReadonlyMap<string, { up: number; down: number }> {
    return this.totals;
  }

  private count(c: LineCrossing): CountedLineCrossing {
    const line = this.lineById.get(c.lineId);
    const up = line?.up === c.direction;
    const trafficClass = trafficClassOf(c.label) ?? "person";
    const mpp = this.camera.calibration?.metresPerPixel;
    const speedKmh = mpp === undefined ? undefined : this.history.speedKmh(c.trackId, mpp);
    this.counts.add({
      lineId: c.lineId,
      direction: up ? "up" : "down",
      trafficClass,
      timestamp: c.timestamp,
      speedKmh,
    });
    const total = this.totals.get(c.lineId) ?? { up: 0, down: 0 };
    total[up ? "up" : "down"] += 1;
    this.totals.set(c.lineId, total);
    return { ...c, up, trafficClass, ...(speedKmh === undefined ? {} : { speedKmh }) };
  }
}
