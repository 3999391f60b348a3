import { quoteIdent } from "@citybrain/datasets";
import type { AnomalyKind, DetectedAnomaly, SqlReader, TimeRange } from "./detected-anomaly.ts";
import { assembleEpisodes, type FlaggedPoint } from "./episodes.ts";
import { robustScoreSql, type ScaleFloor } from "./robust-score.ts";
import { epochMs, localTs, rangeCondition } from "./sql-time.ts";
import { STREAM_GRIDS, type GridStreamName } from "./stream-sites.ts";
import { CHINA_DAY_CLASSES, calendarValues, type DayClassOf } from "./workday-calendar.ts";

const WEEK_MS = 7 * 86_400_000;

/** Options of {@link detectSeasonalOutliers}. */
export interface SeasonalOutlierOptions extends TimeRange {
  readonly stream: GridStreamName;
  /** Numeric column to watch, e.g. `value` or `ch4_lel`. */
  readonly field: string;
  /** Extra SQL condition on the rows, e.g. `carrier = 'electricity'` (trusted, not user input). */
  readonly where?: string;
  /** Whole weeks before the reading's own week that form its baseline (default 4). */
  readonly windowWeeks?: number;
  /** Fewest baseline readings before a reading can be scored (default 12). */
  readonly minHistory?: number;
  /** Robust score that flags a reading (default 6). */
  readonly threshold?: number;
  /**
   * Floors on the robust scale (default abs 0.003 — three register steps of 0.001 in the native
   * unit, so that a 4-litre-a-quarter water account is not scored on its rounding — and rel 0.15
   * of the median, so that ordinary day-to-day swings and seasonal ramps stay below 6).
   */
  readonly floor?: ScaleFloor;
  /** Which side counts: excess only (default), deficit only, or both. */
  readonly direction?: "high" | "low" | "both";
  /** Persistence: flagged readings an episode needs (default 4) and the gap it may bridge (default 2). */
  readonly minPoints?: number;
  readonly maxGapSteps?: number;
  /** Day classes kept apart in the baseline (default {@link CHINA_DAY_CLASSES}). */
  readonly dayClassOf?: DayClassOf;
  /** The kind reported (default `consumption_anomaly`). */
  readonly kind?: AnomalyKind;
}

/**
 * Readings far from their seasonal baseline. The baseline of a reading is the median and MAD of
 * the same site's readings at the same local hour of day and day class (working day, Saturday,
 * Sunday, holiday) in the `windowWeeks` whole weeks before the reading's week. DuckDB computes it
 * as one grouped aggregate over the readings joined to the weeks they serve (a trailing window in
 * blocks: far cheaper than a holistic window function over a RANGE frame), then scores each
 * reading: |x − median| / max(1.4826·MAD, floors). Runs of flagged readings become episodes.
 * @example
 * await detectSeasonalOutliers(store, { stream: "energy", field: "value", where: "carrier = 'electricity'" });
 */
export async function detectSeasonalOutliers(
  db: SqlReader,
  options: SeasonalOutlierOptions,
): Promise<DetectedAnomaly[]> {
  const { siteColumn, stepMs } = STREAM_GRIDS[options.stream];
  const weeks = Math.max(1, Math.floor(options.windowWeeks ?? 4));
  const floor = options.floor ?? { abs: 0.003, rel: 0.15 };
  const threshold = options.threshold ?? 6;
  const direction = options.direction ?? "high";
  const table = quoteIdent(options.stream);
  const field = quoteIdent(options.field);
  const where = rangeCondition(options, (weeks + 1) * WEEK_MS);
  const extent = await db.query(
    `SELECT ${epochMs("min(ts)")} AS lo, ${epochMs("max(ts)")} AS hi FROM ${table} WHERE ${where.sql}`,
    where.params,
  );
  const lo = Number(extent[0]?.lo);
  const hi = Number(extent[0]?.hi);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const side = { high: "x > med", low: "x < med", both: "TRUE" }[direction];
  const score = robustScoreSql("x", "med", "dev", floor);
  const from = options.from !== undefined ? `AND t >= ${Number(options.from)}` : "";
  const rows = await db.query(
    `WITH cal AS (${calendarValues(lo, hi + stepMs, options.dayClassOf ?? CHINA_DAY_CLASSES)}),
          r AS (SELECT ${quoteIdent(siteColumn)} AS site_id, ${epochMs("ts")} AS t, ${field} AS x,
                       hour(${localTs()}) AS hod, cal.cls,
                       CAST(floor((epoch(${localTs()}) + 259200) / 604800) AS INTEGER) AS wk
                FROM ${table} JOIN cal ON cal.d = CAST(${localTs()} AS DATE)
                WHERE ${where.sql} AND ${field} IS NOT NULL AND (${options.where ?? "TRUE"})),
          base AS (SELECT site_id, hod, cls, wk + k AS wk, median(x) AS med, mad(x) AS dev, count(*) AS n
                   FROM r, (SELECT unnest(range(1, ${weeks + 1})) AS k) GROUP BY ALL)
     SELECT site_id, t, ${score} AS z FROM r JOIN base USING (site_id, hod, cls, wk)
     WHERE n >= ${options.minHistory ?? 12} AND ${side} AND ${score} >= ${threshold} ${from}`,
    where.params,
  );
  const flagged: FlaggedPoint[] = rows.map((r) => ({
    site_id: String(r.site_id),
    ts: Number(r.t),
    score: Number(r.z),
  }));
  const episodes = assembleEpisodes(flagged, {
    stepMs,
    minPoints: options.minPoints ?? 4,
    maxGapSteps: options.maxGapSteps ?? 2,
  });
  return episodes.map((ep) => ({
    kind: options.kind ?? "consumption_anomaly",
    stream: options.stream,
    site_id: ep.site_id,
    start: ep.start,
    end: ep.end,
    score: ep.meanScore,
    details: { field: options.field, readings: ep.points, max_score: ep.maxScore },
  }));
}
