import type { DetectedAnomaly, SqlReader, TimeRange } from "./detected-anomaly.ts";
import { assembleEpisodes, type FlaggedPoint } from "./episodes.ts";
import { epochMs, localTs, rangeCondition } from "./sql-time.ts";
import { CHINA_DAY_CLASSES, calendarValues, type DayClassOf } from "./workday-calendar.ts";

const MINUTE_MS = 60_000;

/** Options of {@link detectTrafficJams}. */
export interface TrafficJamOptions extends TimeRange {
  /** A minute is slow when its vehicles' speed is at most this share of their baseline (default 0.45). */
  readonly speedRatio?: number;
  /** An episode's vehicle count must be at most this share of the baseline count (default 0.75). */
  readonly volumeRatio?: number;
  /** Slow minutes an episode needs (default 8) and the gap in minutes it may bridge (default 4). */
  readonly minMinutes?: number;
  readonly maxGapMinutes?: number;
  /** Fewest baseline minutes per slot before a minute can be judged (default 30). */
  readonly minHistory?: number;
  readonly dayClassOf?: DayClassOf;
}

/**
 * Traffic jams: at one camera's counting line and direction, vehicle speeds collapse while the
 * volume drops. Baselines per camera, line, direction, class, local hour and day class are
 * medians over the whole range looked at (jams are short, so the median ignores them; this also
 * works on a two-day slice). DuckDB scores each minute as the count-weighted mean of each class's
 * speed over its baseline (so a lone bicycle is not a jam of cars); TS joins slow minutes into
 * episodes and keeps those whose vehicle count is also well below its baseline.
 * @example
 * await detectTrafficJams(store, { speedRatio: 0.45, minMinutes: 8 });
 */
export async function detectTrafficJams(
  db: SqlReader,
  options: TrafficJamOptions = {},
): Promise<DetectedAnomaly[]> {
  const where = rangeCondition(options);
  const extent = await db.query(
    `SELECT ${epochMs("min(ts)")} AS lo, ${epochMs("max(ts)")} AS hi FROM traffic WHERE ${where.sql}`,
    where.params,
  );
  const lo = Number(extent[0]?.lo);
  const hi = Number(extent[0]?.hi);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const rows = await db.query(
    `WITH cal AS (${calendarValues(lo, hi + MINUTE_MS, options.dayClassOf ?? CHINA_DAY_CLASSES)}),
          m AS (SELECT camera_id, line_id, direction, class, ts, count, mean_speed_kmh AS v,
                       hour(${localTs()}) AS hod, cal.cls
                FROM traffic JOIN cal ON cal.d = CAST(${localTs()} AS DATE)
                WHERE ${where.sql} AND class <> 'person' AND mean_speed_kmh IS NOT NULL AND count > 0),
          speed0 AS (SELECT camera_id, line_id, direction, class, hod, cls, median(v) AS v0, count(*) AS n
                     FROM m GROUP BY ALL),
          minute AS (SELECT camera_id, line_id, direction, ts, any_value(hod) AS hod, any_value(cls) AS cls,
                            sum(count) AS veh, sum(count * v / v0) / sum(count) AS ratio
                     FROM m JOIN speed0 USING (camera_id, line_id, direction, class, hod, cls)
                     WHERE n >= ${options.minHistory ?? 30} GROUP BY camera_id, line_id, direction, ts),
          veh0 AS (SELECT camera_id, line_id, direction, hod, cls, median(veh) AS veh0 FROM minute GROUP BY ALL)
     SELECT camera_id, line_id, direction, ${epochMs("ts")} AS t, ratio, veh, veh0
     FROM minute JOIN veh0 USING (camera_id, line_id, direction, hod, cls)
     WHERE ratio <= ${options.speedRatio ?? 0.45}`,
    where.params,
  );
  const key = (r: Record<string, unknown>) =>
    `${String(r.camera_id)}|${String(r.line_id)}|${String(r.direction)}`;
  const volume = new Map<string, { veh: number; veh0: number }>();
  const flagged: FlaggedPoint[] = rows.map((r) => {
    volume.set(`${key(r)}|${Number(r.t)}`, { veh: Number(r.veh), veh0: Number(r.veh0) });
    return { site_id: key(r), ts: Number(r.t), score: 1 / Math.max(Number(r.ratio), 0.01) };
  });
  const episodes = assembleEpisodes(flagged, {
    stepMs: MINUTE_MS,
    minPoints: options.minMinutes ?? 8,
    maxGapSteps: options.maxGapMinutes ?? 4,
  });
  const out: DetectedAnomaly[] = [];
  for (const ep of episodes) {
    let veh = 0;
    let veh0 = 0;
    for (let t = ep.start; t < ep.end; t += MINUTE_MS) {
      const v = volume.get(`${ep.site_id}|${t}`);
      if (v) veh += v.veh;
      if (v) veh0 += v.veh0;
    }
    const volumeShare = veh0 > 0 ? veh / veh0 : 0;
    if (volumeShare > (options.volumeRatio ?? 0.75)) continue;
    const [camera, line, direction] = ep.site_id.split("|") as [string, string, string];
    out.push({
      kind: "traffic_jam",
      stream: "traffic",
      site_id: camera,
      start: ep.start,
      end: ep.end,
      score: ep.meanScore,
      details: {
        line_id: line,
        direction,
        slow_minutes: ep.points,
        volume_share: Math.round(volumeShare * 1000) / 1000,
      },
    });
  }
  return out;
}
