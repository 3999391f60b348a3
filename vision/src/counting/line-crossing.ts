import type { Point } from "../geometry/point.ts";
import { segmentsIntersect, signedDistance } from "../geometry/point.ts";
import type { Track } from "../tracking/track.ts";
import { anchorPoint } from "./anchor-point.ts";
import type { Anchor } from "./anchor-point.ts";

/** A counting line, from `a` to `b` in image pixels. */
export interface CountingLine {
  id: string;
  a: Point;
  b: Point;
  /** Names for the two directions, e.g. `{ leftToRight: "northbound", rightToLeft: "southbound" }`. */
  names?: { leftToRight: string; rightToLeft: string };
}

/**
 * Crossing direction as seen on screen looking along the line from `a` to `b`: a track that
 * moves from the left-hand side to the right-hand side crosses `left-to-right`.
 */
export type CrossingDirection = "left-to-right" | "right-to-left";

/** One track crossing one line. */
export interface LineCrossing {
  lineId: string;
  trackId: number;
  label: string;
  direction: CrossingDirection;
  /** The line's name for the direction, or `direction` when the line has no names. */
  name: string;
  /** The frame in which the crossing was seen, ms. */
  timestamp: number;
  /**
   * When the anchor point crossed the line, ms: interpolated along its step from the last
   * position clear of the line on one side to the first one clear of it on the other, so between
   * the time of that last position and `timestamp`. At low frame rates it is nearer the truth.
   */
  crossedAt: number;
}

/** Options of {@link LineCounter}. */
export interface LineCounterOptions {
  /** Point of the box that must cross. @default "bottom-centre" */
  anchor?: Anchor;
  /** Pixels a point must be from the line before its side counts (damps jitter on the line). @default 4 */
  margin?: number;
  /** Forget a track not seen for this long, ms. @default 10000 */
  forgetAfterMs?: number;
}

/** Where a track last was clear of a line: side, point, signed distance and when. */
interface TrackSide {
  side: 1 | -1;
  point: Point;
  distance: number;
  lastSeen: number;
}

/** When the step from `before` to a point at signed `distance`, seen at `timestamp`, crossed the line, ms. */
function crossingTime(before: TrackSide, distance: number, timestamp: number): number {
  const total = Math.abs(before.distance) + Math.abs(distance);
  const fraction = total > 0 ? Math.abs(before.distance) / total : 1;
  return Math.round(before.lastSeen + (timestamp - before.lastSeen) * fraction);
}

/**
 * Counts tracks crossing lines, with direction. A crossing is a track's anchor point moving from
 * one side of the line (at least `margin` away) to the other side, along a path that crosses the
 * line segment itself — walking round its end does not count. Jitter on the line is ignored until
 * the point clearly leaves it, so one walker counts once. A track seen for the first time (the
 * tracker reports tracks once confirmed, from their second match) starts from its previous
 * position (`Track.previous`), so a walker confirmed just after the line still counts; at 2 fps
 * that is half a second of walking.
 */
export class LineCounter {
  private readonly sides = new Map<string, TrackSide>();
  private readonly totals = new Map<string, number>();
  private readonly options: Required<LineCounterOptions>;

  constructor(
    readonly lines: readonly CountingLine[],
    options: LineCounterOptions = {},
  ) {
    this.options = { anchor: "bottom-centre", margin: 4, forgetAfterMs: 10_000, ...options };
  }

  /** Feeds one frame's tracks; returns the crossings that happened in it. */
  update(tracks: readonly Track[], timestamp: number): LineCrossing[] {
    const crossings: LineCrossing[] = [];
    for (const track of tracks) {
      const point = anchorPoint(track.box, this.options.anchor);
      for (const line of this.lines) {
        const key = `${line.id}\u0000${track.id}`;
        const before = this.sides.get(key) ?? this.firstStep(track, line);
        if (before && !this.sides.has(key)) this.sides.set(key, before);
        const distance = signedDistance(point, line.a, line.b);
        if (Math.abs(distance) < this.options.margin) continue;
        const side: 1 | -1 = distance > 0 ? 1 : -1;
        this.sides.set(key, { side, point, distance, lastSeen: timestamp });
        if (!before || before.side === side || !segmentsIntersect(before.point, point, line.a, line.b))
          continue;
        const direction: CrossingDirection = side > 0 ? "left-to-right" : "right-to-left";
        const name = line.names ? (side > 0 ? line.names.leftToRight : line.names.rightToLeft) : direction;
        crossings.push({
          lineId: line.id,
          trackId: track.id,
          label: track.label,
          direction,
          name,
          timestamp,
          crossedAt: crossingTime(before, distance, timestamp),
        });
        const total = `${line.id}\u0000${direction}\u0000${track.label}`;
        this.totals.set(total, (this.totals.get(total) ?? 0) + 1);
      }
    }
    for (const [key, state] of this.sides) {
      if (timestamp - state.lastSeen > this.options.forgetAfterMs) this.sides.delete(key);
    }
    return crossings;
  }

  /** Crossings counted so far, per line, direction and label. */
  counts(): { lineId: string; direction: CrossingDirection; label: string; count: number }[] {
    return [...this.totals].map(([key, count]) => {
      const [lineId = "", direction = "left-to-right", label = ""] = key.split("\u0000");
      return { lineId, direction: direction as CrossingDirection, label, count };
    });
  }

  /** The side a track not seen before came from: its previous match, if that was clear of the line. */
  private firstStep(track: Track, line: CountingLine): TrackSide | undefined {
    if (!track.previous) return undefined;
    const point = anchorPoint(track.previous.box, this.options.anchor);
    const distance = signedDistance(point, line.a, line.b);
    if (Math.abs(distance) < this.options.margin) return undefined;
    return { side: distance > 0 ? 1 : -1, point, distance, lastSeen: track.previous.seen };
  }
}
