import type { Detection } from "../decoders/detection.ts";
import { boxCentre, iou } from "../geometry/box.ts";
import type { Box } from "../geometry/box.ts";
import type { Track } from "./track.ts";

/** Options of {@link IouTracker}; defaults suit pedestrians and vehicles at 5–10 fps. */
export interface TrackerOptions {
  /** Detections at or above this score may start tracks and are matched first. @default 0.45 */
  highScore?: number;
  /** Minimum IoU between a track's predicted box and a high-score detection. @default 0.25 */
  matchIou?: number;
  /** Minimum IoU for the second pass, low-score detections to confirmed tracks. @default 0.4 */
  lowMatchIou?: number;
  /** Matches needed before a track is confirmed and reported. @default 2 */
  minHits?: number;
  /** Frames a confirmed track survives without a match (occlusion). @default 5 */
  maxMissed?: number;
  /**
   * Last pass, for low frame rates where a walker moves more than a box width between frames and
   * boxes no longer overlap: a high-score detection may still continue a track whose predicted
   * box centre is within this many box heights, if their heights differ by less than 1.5×.
   * `0` turns the pass off. @default 0.6
   */
  maxCentreDistance?: number;
}

const DEFAULTS: Required<TrackerOptions> = {
  highScore: 0.45,
  matchIou: 0.25,
  lowMatchIou: 0.4,
  minHits: 2,
  maxMissed: 5,
  maxCentreDistance: 0.6,
};

/** −(centre distance in box heights) when within `max` and of similar height, else undefined. */
function closeness(a: Box, b: Box, max: number): number | undefined {
  const ha = a.y2 - a.y1;
  const hb = b.y2 - b.y1;
  if (ha <= 0 || hb <= 0 || Math.max(ha, hb) / Math.min(ha, hb) > 1.5) return undefined;
  const ca = boxCentre(a);
  const cb = boxCentre(b);
  const distance = Math.hypot(ca.x - cb.x, ca.y - cb.y) / ((ha + hb) / 2);
  return distance <= max ? -distance : undefined;
}

function shift(box: Box, dx: number, dy: number): Box {
  return { x1: box.x1 + dx, y1: box.y1 + dy, x2: box.x2 + dx, y2: box.y2 + dy };
}

/**
 * ByteTrack-style multi-object tracker on box overlap: tracks are predicted forward with a
 * constant velocity, high-score detections are matched first (greedy by IoU, same class only),
 * then low-score detections may extend confirmed tracks that found nothing — which keeps ids
 * through partial occlusion without letting weak detections start tracks. A last pass matches
 * leftover high-score detections by centre distance, for frame rates too low for boxes to overlap.
 *
 * @example
 * const tracker = new IouTracker();
 * for (const frame of frames) report(tracker.update(frame.detections, frame.timestamp));
 */
export class IouTracker {
  private readonly options: Required<TrackerOptions>;
  private tracks: Track[] = [];
  private nextId = 1;

  constructor(options: TrackerOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Feeds one frame's detections; returns the confirmed tracks matched in this frame. */
  update(detections: readonly Detection[], timestamp: number): Track[] {
    const o = this.options;
    const predicted = new Map(
      this.tracks.map((t) => [
        t,
        shift(t.box, t.velocity.dx * (t.missed + 1), t.velocity.dy * (t.missed + 1)),
      ]),
    );
    const high = detections.filter((d) => d.score >= o.highScore);
    const low = detections.filter((d) => d.score < o.highScore);
    const matched = new Set<Track>();
    const byIou = (min: number) => (a: Box, b: Box) => {
      const overlap = iou(a, b);
      return overlap >= min ? overlap : undefined;
    };
    let unmatchedHigh = this.associate(high, this.tracks, predicted, byIou(o.matchIou), matched, timestamp);
    const confirmedLeft = this.tracks.filter((t) => !matched.has(t) && t.state === "confirmed");
    this.associate(low, confirmedLeft, predicted, byIou(o.lowMatchIou), matched, timestamp);
    if (o.maxCentreDistance > 0) {
      const left = this.tracks.filter((t) => !matched.has(t));
      const near = (a: Box, b: Box) => closeness(a, b, o.maxCentreDistance);
      unmatchedHigh = this.associate(unmatchedHigh, left, predicted, near, matched, timestamp);
    }

    this.tracks = this.tracks.filter((t) => {
      if (matched.has(t)) return true;
      t.missed += 1;
      return t.state === "confirmed" && t.missed <= o.maxMissed;
    });
    for (const d of unmatchedHigh) {
      const track: Track = {
        id: this.nextId++,
        classId: d.classId,
        label: d.label,
        box: d.box,
        score: d.score,
        state: o.minHits <= 1 ? "confirmed" : "tentative",
        hits: 1,
        missed: 0,
        velocity: { dx: 0, dy: 0 },
        firstSeen: timestamp,
        lastSeen: timestamp,
      };
      this.tracks.push(track);
      matched.add(track);
    }
    return this.tracks.filter((t) => t.state === "confirmed" && t.missed === 0).map((t) => ({ ...t }));
  }

  /** Every live track, confirmed or not, including ones currently missed. */
  get active(): readonly Track[] {
    return this.tracks;
  }

  /** Greedy matching, best `affinity` first (undefined: not a candidate); returns the detections left unmatched. */
  private associate(
    detections: readonly Detection[],
    tracks: readonly Track[],
    predicted: Map<Track, Box>,
    affinity: (predicted: Box, detected: Box) => number | undefined,
    matched: Set<Track>,
    timestamp: number,
  ): Detection[] {
    const pairs: { track: Track; det: Detection; overlap: number }[] = [];
    for (const track of tracks) {
      if (matched.has(track)) continue;
      const box = predicted.get(track) ?? track.box;
      for (const det of detections) {
        if (det.classId !== track.classId) continue;
        const overlap = affinity(box, det.box);
        if (overlap !== undefined) pairs.push({ track, det, overlap });
      }
    }
    pairs.sort((p, q) => q.overlap - p.overlap);
    const used = new Set<Detection>();
    for (const { track, det } of pairs) {
      if (matched.has(track) || used.has(det)) continue;
      matched.add(track);
      used.add(det);
      this.apply(track, det, timestamp);
    }
    return detections.filter((d) => !used.has(d));
  }

  private apply(track: Track, det: Detection, timestamp: number): void {
    const before = boxCentre(track.box);
    const after = boxCentre(det.box);
    const frames = track.missed + 1;
    // Smoothed so that one jittery box does not fling the prediction.
    track.velocity = {
      dx: 0.5 * track.velocity.dx + (0.5 * (after.x - before.x)) / frames,
      dy: 0.5 * track.velocity.dy + (0.5 * (after.y - before.y)) / frames,
    };
    track.box = det.box;
    track.score = det.score;
    track.hits += 1;
    track.missed = 0;
    track.lastSeen = timestamp;
    if (track.hits >= this.options.minHits) track.state = "confirmed";
  }
}
