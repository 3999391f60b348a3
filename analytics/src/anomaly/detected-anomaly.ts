import type { StreamName } from "@citybrain/datasets";
import type { Store } from "../store/store.ts";

/** What the detectors find. The first five are the kinds the generators inject and label. */
export type AnomalyKind =
  | "meter_leak"
  | "tank_filling"
  | "stuck_sensor"
  | "traffic_jam"
  | "data_gap"
  /** A reading far from its seasonal baseline (robust score), no labelled ground truth. */
  | "consumption_anomaly";

/** One detected episode on one site. */
export interface DetectedAnomaly {
  readonly kind: AnomalyKind;
  readonly stream: StreamName;
  /** Meter, monitor, station or camera id. */
  readonly site_id: string;
  /** Epoch ms (UTC), inclusive start and exclusive end. */
  readonly start: number;
  readonly end: number;
  /** How anomalous (robust z for baseline detectors, a ratio or a count for the others; higher is worse). */
  readonly score: number;
  readonly details: Readonly<Record<string, string | number>>;
}

/** What a detector needs from the store: read queries. */
export type SqlReader = Pick<Store, "query">;

/** A time range to look at; both ends optional (epoch ms, UTC, end exclusive). */
export interface TimeRange {
  readonly from?: number;
  readonly to?: number;
}

/** Orders detections by stream, site, start and kind (the order detectors return). */
export function byStreamSiteStart(a: DetectedAnomaly, b: DetectedAnomaly): number {
  return (
    a.stream.localeCompare(b.stream) ||
    a.site_id.localeCompare(b.site_id) ||
    a.start - b.start ||
    a.kind.localeCompare(b.kind)
  );
}
