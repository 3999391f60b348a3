/**
 * Options of `IouTracker`. Timestamps are milliseconds; times and speeds here are in
 * milliseconds and box heights per second, so the same settings suit 1–10 fps.
 */
export interface TrackerOptions {
  /** Detections at or above this score may start tracks and are matched first. @default 0.45 */
  highScore?: number;
  /** Minimum IoU between a track's predicted box and a high-score detection. @default 0.25 */
  matchIou?: number;
  /** Minimum IoU for the second pass, low-score detections to confirmed tracks. @default 0.4 */
  lowMatchIou?: number;
  /** Matches needed before a track is confirmed and reported. @default 2 */
  minHits?: number;
  /** Frames a confirmed track survives without a match; unlimited by default (see `maxLostMs`). */
  maxMissed?: number;
  /** How long a confirmed track survives without a match (occlusion, missed detections), ms. @default 2000 */
  maxLostMs?: number;
  /**
   * Last pass, for low frame rates where a walker moves more than a box width between frames and
   * boxes no longer overlap, and for tracks lost for a few frames: a high-score detection may
   * still continue a track when its centre is within a gate around the track's predicted centre
   * and their heights differ by less than 1.5×. The gate is this many box heights, plus
   * `maxSpeed` or `maxManoeuvre` for each second since the track was last seen. `0` turns the
   * pass off. @default 0.6
   */
  maxCentreDistance?: number;
  /**
   * Gate growth for a track seen once, which has no velocity yet: how fast its object may move,
   * box heights per second (a walker in `vtest.avi` does about 1.2). @default 2
   */
  maxSpeed?: number;
  /**
   * Gate growth for a track with a velocity: how fast its object may stray from the
   * constant-velocity prediction, box heights per second — stopping strays by its speed, turning
   * back by twice. @default 2
   */
  maxManoeuvre?: number;
}

/** The defaults of every {@link TrackerOptions} field. */
export const TRACKER_DEFAULTS: Required<TrackerOptions> = {
  highScore: 0.45,
  matchIou: 0.25,
  lowMatchIou: 0.4,
  minHits: 2,
  maxMissed: Number.POSITIVE_INFINITY,
  maxLostMs: 2000,
  maxCentreDistance: 0.6,
  maxSpeed: 2,
  maxManoeuvre: 2,
};
