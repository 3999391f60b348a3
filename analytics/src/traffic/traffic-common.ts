import type { TrafficClass } from "@citybrain/datasets";
import { TRAFFIC_CLASSES } from "@citybrain/datasets";
import type { TimeInput } from "../kpi-common/local-time.ts";

/** Motorised classes: what traffic volume and congestion count by default. */
export const MOTOR_CLASSES: readonly TrafficClass[] = ["car", "bus", "truck", "motorcycle"];

/** Traffic columns a KPI may group by; only these names reach SQL. */
export const TRAFFIC_DIMENSIONS = [
  "camera_id",
  "line_id",
  "road_id",
  "town_code",
  "direction",
  "class",
] as const;
export type TrafficDimension = (typeof TRAFFIC_DIMENSIONS)[number];

/** Time buckets: Asia/Shanghai hour (columns day, hour), day (day), or the whole period (none). */
export type TrafficGrain = "hour" | "day" | "period";

/** One row of the `traffic` stream, as the TS KPI functions take it. */
export interface TrafficRow {
  /** Start of the minute (UTC). */
  readonly ts: TimeInput;
  readonly camera_id: string;
  readonly line_id?: string;
  readonly road_id?: string | null;
  readonly town_code?: string;
  readonly direction: "up" | "down";
  readonly class: TrafficClass;
  readonly count: number;
  readonly mean_speed_kmh: number | null;
}

/** Checks dimensions against {@link TRAFFIC_DIMENSIONS}. */
export function checkTrafficDimensions(by: readonly string[]): readonly TrafficDimension[] {
  for (const d of by) {
    if (!(TRAFFIC_DIMENSIONS as readonly string[]).includes(d)) {
      throw new Error(`traffic dimension "${d}": expected one of ${TRAFFIC_DIMENSIONS.join(", ")}`);
    }
  }
  return by as readonly TrafficDimension[];
}

/** Checks classes against the stream's classes. */
export function checkTrafficClasses(classes: readonly string[]): readonly TrafficClass[] {
  for (const c of classes) {
    if (!(TRAFFIC_CLASSES as readonly string[]).includes(c)) {
      throw new Error(`traffic class "${c}": expected one of ${TRAFFIC_CLASSES.join(", ")}`);
    }
  }
  return classes as readonly TrafficClass[];
}

/** SELECT-list SQL and column names of a time grain over the UTC column `ts`. */
export function grainSql(grain: TrafficGrain): { select: string; columns: string[] } {
  if (grain === "hour") {
    return {
      select: "CAST(ts + INTERVAL 8 HOUR AS DATE) AS day, hour(ts + INTERVAL 8 HOUR) AS hour",
      columns: ["day", "hour"],
    };
  }
  if (grain === "day") return { select: "CAST(ts + INTERVAL 8 HOUR AS DATE) AS day", columns: ["day"] };
  return { select: "", columns: [] };
}
