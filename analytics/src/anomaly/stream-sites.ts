import type { StreamName } from "@citybrain/datasets";

/** A regular stream as the detectors see it: its site column and its nominal interval. */
export interface StreamGrid {
  readonly stream: StreamName;
  readonly siteColumn: string;
  readonly stepMs: number;
}

const MINUTE = 60_000;

/** The regular (time-series) streams, by name. */
export const STREAM_GRIDS = {
  energy: { stream: "energy", siteColumn: "meter_id", stepMs: 15 * MINUTE },
  septic: { stream: "septic", siteColumn: "monitor_id", stepMs: 5 * MINUTE },
  air: { stream: "air", siteColumn: "station_id", stepMs: 60 * MINUTE },
  traffic: { stream: "traffic", siteColumn: "camera_id", stepMs: MINUTE },
} as const satisfies Record<string, StreamGrid>;

/** Names of the regular streams. */
export type GridStreamName = keyof typeof STREAM_GRIDS;
