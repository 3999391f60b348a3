import { anchorPoint } from "../counting/anchor-point.ts";
import type { Point } from "../geometry/point.ts";
import type { Track } from "../tracking/track.ts";

interface Sample {
  t: number;
  p: Point;
}

/** Options of {@link TrackHistory}. */
export interface TrackHistoryOptions {
  /** How much of each track's path to keep, ms (the longest stillness a rule asks about, plus slack). @default 70000 */
  keepMs?: number;
  /** Forget a track not seen for this long, ms. @default 10000 */
  forgetAfterMs?: number;
}

/**
 * Recent ground-point positions of every track, for the two questions a camera asks about
 * motion: how fast was it going (speed at a counting line) and since when has it stood still
 * (stopped-vehicle rule).
 */
export class TrackHistory {
  private readonly paths = new Map<number, Sample[]>();
  private readonly keepMs: number;
  private readonly forgetAfterMs: number;

  constructor(options: TrackHistoryOptions = {}) {
    this.keepMs = options.keepMs ?? 70_000;
    this.forgetAfterMs = options.forgetAfterMs ?? 10_000;
  }

  /** Records the tracks of one frame. */
  update(tracks: readonly Track[], timestamp: number): void {
    for (const track of tracks) {
      let path = this.paths.get(track.id);
      if (!path) this.paths.set(track.id, (path = []));
      path.push({ t: timestamp, p: anchorPoint(track.box) });
      let drop = 0;
      while (drop < path.length - 2 && timestamp - (path[drop]?.t ?? timestamp) > this.keepMs) drop++;
      if (drop > 0) path.splice(0, drop);
    }
    for (const [id, path] of this.paths) {
      const last = path[path.length - 1];
      if (!last || timestamp - last.t > this.forgetAfterMs) this.paths.delete(id);
    }
  }

  /**
   * Ground speed over roughly the last `windowMs`, km/h, from the displacement of the track's
   * ground point and a metres-per-pixel scale; `undefined` with fewer than two samples.
   */
  speedKmh(trackId: number, metresPerPixel: number, windowMs = 1500): number | undefined {
    const path = this.paths.get(trackId);
    const last = path?.[path.length - 1];
    if (!path || !last || path.length < 2) return undefined;
    let first = path[path.length - 2] as Sample;
    for (let i = path.length - 2; i >= 0; i--) {
      const s = path[i] as Sample;
      if (last.t - s.t > windowMs) break;
      first = s;
    }
    const seconds = (last.t - first.t) / 1000;
    if (seconds <= 0) return undefined;
    const metres = Math.hypot(last.p.x - first.p.x, last.p.y - first.p.y) * metresPerPixel;
    return (metres / seconds) * 3.6;
  }

  /**
   * How long the track has stayed within `tolerancePx` of where it is now, ms (0 when it just
   * moved or is unknown). Compares every kept sample with the latest, so slow creep adds up.
   */
  stillForMs(trackId: number, tolerancePx: number): number {
    const path = this.paths.get(trackId);
    const last = path?.[path.length - 1];
    if (!path || !last) return 0;
    let since = last.t;
    for (let i = path.length - 2; i >= 0; i--) {
      const s = path[i] as Sample;
      if (Math.hypot(s.p.x - last.p.x, s.p.y - last.p.y) > tolerancePx) break;
      since = s.t;
    }
    return last.t - since;
  }

  /** Tracks currently remembered (for memory checks). */
  get size(): number {
    return this.paths.size;
  }
}
