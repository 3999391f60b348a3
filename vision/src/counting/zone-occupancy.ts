import type { Point } from "../geometry/point.ts";
import { pointInPolygon } from "../geometry/point.ts";
import type { Track } from "../tracking/track.ts";
import { anchorPoint } from "./anchor-point.ts";
import type { Anchor } from "./anchor-point.ts";

/** A polygon on the image, e.g. a no-vehicle square or a bus stop. */
export interface Zone {
  id: string;
  polygon: readonly Point[];
}

/** A track entering or leaving a zone; `dwellMs` is set on exits. */
export interface ZoneEvent {
  zoneId: string;
  trackId: number;
  label: string;
  type: "enter" | "exit";
  timestamp: number;
  dwellMs?: number;
}

/** Who is in a zone now. */
export interface ZoneOccupancy {
  zoneId: string;
  count: number;
  byLabel: Record<string, number>;
  /** Track id → ms spent in the zone so far. */
  dwellMs: Record<number, number>;
}

/** Options of {@link ZoneMonitor}. */
export interface ZoneMonitorOptions {
  /** @default "bottom-centre" */
  anchor?: Anchor;
  /** A track missing from updates for this long has left, ms. @default 2000 */
  exitAfterMs?: number;
}

interface Presence {
  label: string;
  since: number;
  lastSeen: number;
}

/**
 * Zone occupancy and dwell: which tracks' anchor points are inside each polygon, since when,
 * and enter/exit events. A track that stops being reported (left the frame, lost) exits
 * `exitAfterMs` after it was last seen inside.
 */
export class ZoneMonitor {
  private readonly present = new Map<string, Map<number, Presence>>();
  private readonly options: Required<ZoneMonitorOptions>;

  constructor(
    readonly zones: readonly Zone[],
    options: ZoneMonitorOptions = {},
  ) {
    this.options = { anchor: "bottom-centre", exitAfterMs: 2000, ...options };
    for (const zone of zones) this.present.set(zone.id, new Map());
  }

  /** Feeds one frame's tracks; returns enter/exit events and each zone's occupancy after it. */
  update(tracks: readonly Track[], timestamp: number): { events: ZoneEvent[]; occupancy: ZoneOccupancy[] } {
    const events: ZoneEvent[] = [];
    const seen = new Set(tracks.map((t) => t.id));
    for (const zone of this.zones) {
      const inside = this.present.get(zone.id) ?? new Map<number, Presence>();
      for (const track of tracks) {
        const isIn = pointInPolygon(anchorPoint(track.box, this.options.anchor), zone.polygon);
        const was = inside.get(track.id);
        if (isIn && was) was.lastSeen = timestamp;
        if (isIn && !was) {
          inside.set(track.id, { label: track.label, since: timestamp, lastSeen: timestamp });
          events.push({ zoneId: zone.id, trackId: track.id, label: track.label, type: "enter", timestamp });
        }
        if (!isIn && was) {
          inside.delete(track.id);
          events.push(exit(zone.id, track.id, was, timestamp));
        }
      }
      for (const [trackId, was] of inside) {
        if (!seen.has(trackId) && timestamp - was.lastSeen > this.options.exitAfterMs) {
          inside.delete(trackId);
          events.push(exit(zone.id, trackId, was, was.lastSeen));
        }
      }
    }
    return { events, occupancy: this.occupancy(timestamp) };
  }

  /** Current occupancy of every zone. */
  occupancy(timestamp: number): ZoneOccupancy[] {
    return this.zones.map((zone) => {
      const byLabel: Record<string, number> = {};
      const dwellMs: Record<number, number> = {};
      for (const [trackId, p] of this.present.get(zone.id) ?? []) {
        byLabel[p.label] = (byLabel[p.label] ?? 0) + 1;
        dwellMs[trackId] = timestamp - p.since;
      }
      return { zoneId: zone.id, count: Object.keys(dwellMs).length, byLabel, dwellMs };
    });
  }
}

function exit(zoneId: string, trackId: number, was: Presence, timestamp: number): ZoneEvent {
  return { zoneId, trackId, label: was.label, type: "exit", timestamp, dwellMs: timestamp - was.since };
}
