import { traffic } from "@citybrain/datasets";
import type { TrafficClass } from "@citybrain/datasets";
import { localDayOf, localHourOf } from "../kpi-common/local-time.ts";
import type { Period } from "../kpi-common/period.ts";
import { shanghaiDaySql, shanghaiHourSql, timestampInPeriodSql } from "../kpi-common/shanghai-sql.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import { safeRatio } from "../kpi-common/stats.ts";
import type { TrafficRow } from "./traffic-common.ts";
import { MOTOR_CLASSES, checkTrafficClasses } from "./traffic-common.ts";

/** The busiest hour of a camera on a day. */
export interface PeakHourRow {
  readonly camera_id: string;
  /** Asia/Shanghai day. */
  readonly day: string;
  /** Local start hour (0–23) of the busiest clock hour; the earliest of a tie. */
  readonly peak_hour: number;
  readonly peak_volume: number;
  readonly day_volume: number;
  /** peak_volume / day_volume (高峰小时流量比); null for a day without crossings. */
  readonly peak_share: number | null;
}

/** Peak clock hour per camera and local day (TS twin of {@link peakHourSql}). */
export function peakHours(
  rows: readonly TrafficRow[],
  classes: readonly TrafficClass[] = MOTOR_CLASSES,
): PeakHourRow[] {
  // camera-day → hour → volume, only for hours that have rows (as the SQL groups them)
  const days = new Map<string, Map<number, number>>();
  for (const r of rows) {
    if (!classes.includes(r.class)) continue;
    const key = `${r.camera_id}\u0000${localDayOf(r.ts)}`;
    const hours = days.get(key) ?? new Map<number, number>();
    const h = localHourOf(r.ts);
    hours.set(h, (hours.get(h) ?? 0) + r.count);
    days.set(key, hours);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, hours]) => {
      const [camera_id, day] = key.split("\u0000") as [string, string];
      const sorted = [...hours.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const [peakHour, peak] = sorted[0] as [number, number];
      const total = sorted.reduce((s, [, x]) => s + x, 0);
      return {
        camera_id,
        day,
        peak_hour: peakHour,
        peak_volume: peak,
        day_volume: total,
        peak_share: safeRatio(peak, total),
      };
    });
}

/**
 * Peak clock hour per camera and Asia/Shanghai day over a period, counting `classes`
 * (motorised by default). Columns: camera_id, day, peak_hour, peak_volume, day_volume,
 * peak_share (NULL when the day's volume is 0). Ties go to the earliest hour.
 */
export function peakHourSql(options: {
  readonly period: Period;
  readonly classes?: readonly TrafficClass[];
}): SqlQuery {
  const classes = checkTrafficClasses(options.classes ?? MOTOR_CLASSES);
  if (classes.length === 0) throw new Error("peak hour: expected at least one traffic class");
  const range = timestampInPeriodSql("ts", options.period);
  const sql = `WITH hourly AS (
  SELECT camera_id, ${shanghaiDaySql("ts")} AS day, ${shanghaiHourSql("ts")} AS hour, sum(count) AS volume
  FROM ${traffic.name} WHERE ${range.sql} AND class IN (${classes.map(() => "?").join(", ")})
  GROUP BY camera_id, day, hour
)
SELECT camera_id, day, hour AS peak_hour, volume AS peak_volume,
  sum(volume) OVER (PARTITION BY camera_id, day) AS day_volume,
  volume / NULLIF(sum(volume) OVER (PARTITION BY camera_id, day), 0) AS peak_share
FROM hourly
QUALIFY row_number() OVER (PARTITION BY camera_id, day ORDER BY volume DESC, hour) = 1
ORDER BY camera_id, day`;
  return { sql, params: [...range.params, ...classes] };
}
