import type { Detection } from "../decoders/detection.ts";
import { boxCentre, iou } from "../geometry/box.ts";
import type { Box } from "../geometry/box.ts";
import type { Track } from "./track.ts";
import { TRACKER_DEFAULTS } from "./tracker-options.ts";
import type { TrackerOptions } from "./tracker-options.ts";

/** Centre distance in box heights (mean of the two), or undefined when the heights differ by 1.5× or more. */
function centreDistance(a: Box, b: Box): number | undefined {
  const ha = a.y2 - a.y1;
  const hb = b.y2 - b.y1;
  if (ha <= 0 || hb <= 0 || Math.max(ha, hb) / Math.min(ha, hb) >= 1.5) return undefined;
  const ca = boxCentre(a);
  const cb = boxCentre(b);
  return Math.hypot(ca.x - cb.x, ca.y - cb.y) / ((ha + hb) / 2);
}

function shift(box: Box, dx: number, dy: number): Box {
  return { x1: box.x1 + dx, y1: box.y1 + dy, x2: box.x2 + dx, y2: box.y2 + dy };
}

/** Affinity of a track's predicted box and a detection: higher is better, undefined is no candidate. */
type Affinity = (track: Track, predicted: Box, detected: Box) => number | undefined;

/**
 * ByteTrack-style multi-object tracker with constant-velocity prediction. Each track keeps its
 * last box and a smoothed velocity (pixels per second); at every frame it is predicted forward
 * by the time since it was last seen. Detections are then matched in three greedy passes, same
 * class only:
 *
 * 1. high-score detections to every track, by IoU with the predicted box;
 * 2. low-score detections to confirmed tracks still unmatched, by IoU (partial occlusion keeps
 *    the id without letting weak detections start tracks);
 * 3. high-score detections still unmatched to tracks still unmatched, nearest predicted centre
 *    first, within a gate that grows with the time since the track was seen — for low frame
 *    rates, where a walker moves more than a box width between frames and boxes stop
 *    overlapping, and for a track lost for a few frames that turns up again (same id).
 *
 * Confirmed tracks survive `maxLostMs` (and `maxMissed` frames) without a match; tentative ones
 * die at their first miss. Deterministic: the same detections and timestamps give the same ids.
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
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.options = { ...TRACKER_DEFAULTS, ...given };
  }

  /** Feeds one frame's detections (timestamp in ms); returns the confirmed tracks matched in this frame. */
  update(detections: readonly Detection[], timestamp: number): Track[] {
    const o = this.options;
    // Lost for longer than maxLostMs by now: gone before matching, whatever the frame rate.
    this.tracks = this.tracks.filter((t) => timestamp - t.lastSeen <= o.maxLostMs);
    const predicted = new Map(
      this.tracks.map((t) => {
        const seconds = Math.max(0, timestamp - t.lastSeen) / 1000;
        return [t, shift(t.box, t.velocity.dx * seconds, t.velocity.dy * seconds)];
      }),
    );
    const high = detections.filter((d) => d.score >= o.highScore);
    const low = detections.filter((d) => d.score < o.highScore);
    const matched = new Set<Track>();
    const byIou =
      (min: number): Affinity =>
      (_track, a, b) => {
        const overlap = iou(a, b);
        return overlap >= min ? overlap : undefined;
      };
    let unmatchedHigh = this.associate(high, this.tracks, predicted, byIou(o.matchIou), matched, timestamp);
    const confirmedLeft = this.tracks.filter((t) => !matched.has(t) && t.state === "confirmed");
    this.associate(low, confirmedLeft, predicted, byIou(o.lowMatchIou), matched, timestamp);
    if (o.maxCentreDistance > 0) {
      const near: Affinity = (track, a, b) => {
        const distance = centreDistance(a, b);
        const seconds = Math.max(0, timestamp - track.lastSeen) / 1000;
        const growth = track.hits >= 2 ? o.maxManoeuvre : o.maxSpeed;
        return distance !== undefined && distance <= o.maxCentreDistance + growth * seconds
          ? -distance
          : undefined;
      };
      const left = this.tracks.filter((t) => !matched.has(t));
      unmatchedHigh = this.associate(unmatchedHigh, left, predicted, near, matched, timestamp);
    }

    this.tracks = this.tracks.filter((t) => {
      if (matched.has(t)) return true;
      t.missed += 1;
      return t.state === "confirmed" && t.missed <= o.maxMissed && timestamp - t.lastSeen <= o.maxLostMs;
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

  /** Greedy matching, best `affinity` first (ties: older track, then earlier detection); returns the detections left unmatched. */
  private associate(
    detections: readonly Detection[],
    tracks: readonly Track[],
    predicted: Map<Track, Box>,
    affinity: Affinity,
    matched: Set<Track>,
    timestamp: number,
  ): Detection[] {
    const pairs: { track: Track; det: Detection; score: number }[] = [];
    for (const track of tracks) {
      if (matched.has(track)) continue;
      const box = predicted.get(track) ?? track.box;
      for (const det of detections) {
        if (det.classId !== track.classId) continue;
        const score = affinity(track, box, det.box);
        if (score !== undefined) pairs.push({ track, det, score });
      }
    }
    // Array.prototype.sort is stable: equal scores keep track order, then detection order.
    pairs.sort((p, q) => q.score - p.score);
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
    const seconds = (timestamp - track.lastSeen) / 1000;
    if (seconds > 0) {
      const measured = { dx: (after.x - before.x) / seconds, dy: (after.y - before.y) / seconds };
      // The first measurement is the velocity; later ones are smoothed so that one jittery box
      // does not fling the prediction.
      track.velocity =
        track.hits === 1
          ? measured
          : {
              dx: 0.5 * track.velocity.dx + 0.5 * measured.dx,
              dy: 0.5 * track.velocity.dy + 0.5 * measured.dy,
            };
    }
    track.previous = { box: track.box, seen: track.lastSeen };
    track.box = det.box;
    track.score = det.score;
    track.hits += 1;
    track.missed = 0;
    track.lastSeen = timestamp;
    if (track.hits >= this.options.minHits) track.state = "confirmed";
  }
}
