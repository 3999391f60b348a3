import type { Severity, TrafficClass } from "@citybrain/datasets";
import type { ZoneConfig, ZoneRule } from "../config/camera-config.ts";
import { ZoneMonitor } from "../counting/zone-occupancy.ts";
import type { ZoneOccupancy } from "../counting/zone-occupancy.ts";
import type { Track } from "../tracking/track.ts";
import type { TrackHistory } from "./track-history.ts";
import { trafficClassOf } from "./traffic-class.ts";

/** Alert rule ids, shared with the generated alert history. */
export const RULE_IDS = {
  crowding: "vision.crowding",
  "no-vehicle": "vision.vehicle_in_zone",
  "stopped-vehicle": "vision.stopped_vehicle",
} as const satisfies Record<ZoneRule["kind"], string>;

/** A zone rule whose condition has held long enough. */
export interface RuleEvent {
  rule: (typeof RULE_IDS)[keyof typeof RULE_IDS];
  kind: ZoneRule["kind"];
  zone: ZoneConfig;
  severity: Severity;
  /** When the condition began (the alert's `ts`). */
  startedAt: number;
  /** The frame that raised it. */
  at: number;
  /** The object concerned (no-vehicle, stopped-vehicle). */
  trackId?: number;
  trafficClass?: TrafficClass;
  /** Objects in the zone (crowding). */
  count?: number;
}

/** A crowd must be gone this long before a new crowd counts as a new event, ms. */
const CROWD_CLEAR_MS = 5000;

interface CrowdState {
  since?: number;
  lastTrue: number;
  raised: boolean;
}

/**
 * Evaluates each zone's rules frame by frame: crowding (≥ N objects for ≥ T s, once per
 * episode), a vehicle inside a no-vehicle zone for ≥ T s (once per track), and a vehicle whose
 * ground point stays within a few pixels for ≥ T s (once per track).
 */
export class ZoneRules {
  private readonly monitor: ZoneMonitor;
  private readonly crowds = new Map<string, CrowdState>();
  private readonly raisedTracks = new Map<string, Set<number>>();

  constructor(readonly zones: readonly ZoneConfig[]) {
    this.monitor = new ZoneMonitor(zones);
  }

  /** Feeds one frame's tracks; returns the rule events raised in it and the occupancy. */
  update(
    tracks: readonly Track[],
    timestamp: number,
    history: TrackHistory,
  ): { events: RuleEvent[]; occupancy: ZoneOccupancy[] } {
    const { occupancy } = this.monitor.update(tracks, timestamp);
    const byId = new Map(tracks.map((t) => [t.id, t]));
    const events: RuleEvent[] = [];
    this.zones.forEach((zone, z) => {
      const occ = occupancy[z];
      if (!occ) return;
      zone.rules.forEach((rule, r) => {
        const key = `${zone.id}\u0000${r}`;
        const base = {
          rule: RULE_IDS[rule.kind],
          kind: rule.kind,
          zone,
          severity: rule.severity,
          at: timestamp,
        };
        if (rule.kind === "crowding") {
          const count = countOf(occ, rule.classes);
          const state = this.crowds.get(key) ?? { lastTrue: timestamp, raised: false };
          this.crowds.set(key, state);
          if (count >= rule.minCount) {
            state.since ??= timestamp;
            state.lastTrue = timestamp;
            if (!state.raised && timestamp - state.since >= rule.minSeconds * 1000) {
              state.raised = true;
              events.push({ ...base, startedAt: state.since, count });
            }
          } else if (state.since !== undefined && timestamp - state.lastTrue > CROWD_CLEAR_MS) {
            state.since = undefined;
            state.raised = false;
          }
          return;
        }
        let raised = this.raisedTracks.get(key);
        if (!raised) this.raisedTracks.set(key, (raised = new Set()));
        for (const id of raised) if (!(id in occ.dwellMs)) raised.delete(id);
        for (const [idText, dwell] of Object.entries(occ.dwellMs)) {
          const trackId = Number(idText);
          const track = byId.get(trackId);
          const cls = track ? trafficClassOf(track.label) : undefined;
          if (!track || !cls || !rule.classes.includes(cls) || raised.has(trackId)) continue;
          const heldMs = rule.kind === "no-vehicle" ? dwell : history.stillForMs(trackId, rule.maxMovePx);
          if (heldMs < rule.minSeconds * 1000) continue;
          raised.add(trackId);
          events.push({ ...base, startedAt: timestamp - heldMs, trackId, trafficClass: cls });
        }
      });
    });
    return { events, occupancy };
  }
}

function countOf(occ: ZoneOccupancy, classes: readonly TrafficClass[]): number {
  let n = 0;
  for (const [label, count] of Object.entries(occ.byLabel)) {
    const cls = trafficClassOf(label);
    if (cls && classes.includes(cls)) n += count;
  }
  return n;
}
