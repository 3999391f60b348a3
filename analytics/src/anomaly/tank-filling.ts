import type { DetectedAnomaly, SqlReader, TimeRange } from "./detected-anomaly.ts";
import { hingeFit } from "./hinge-fit.ts";
import { TS_PARAM, epochMs, rangeCondition } from "./sql-time.ts";
import { STREAM_GRIDS } from "./stream-sites.ts";

/** Options of {@link detectTankFilling}. */
export interface TankFillingOptions extends TimeRange {
  /**
   * Level (%) a tank never reaches in normal operation because it is pumped before (default 90:
   * pump-outs happen from about 76–88 %, DOMAIN.md's alarm level is 90 %).
   */
  readonly enterLevel?: number;
  /** The episode lasts until the level falls below this (a pump-out), default 80. */
  readonly exitLevel?: number;
  /** Readings at or above `enterLevel` an episode needs (default 3: one noisy reading is not enough). */
  readonly minPoints?: number;
  /** Hours before the crossing searched for the onset of the abnormal climb (default 72). */
  readonly onsetLookbackHours?: number;
}

const HOUR_MS = 3_600_000;

/**
 * When the abnormal climb began: the knee of a two-segment line through the hourly levels since
 * the last pumping drop (or `lookback` hours), if the level rose at least twice as fast after it.
 */
async function onsetOf(
  db: SqlReader,
  site: string,
  crossed: number,
  lookbackHours: number,
): Promise<number | null> {
  const hours = await db.query(
    `SELECT ${epochMs("date_trunc('hour', ts)")} AS h, avg(level_pct) AS lv FROM septic
     WHERE monitor_id = ? AND ts >= ${TS_PARAM} AND ts < ${TS_PARAM} AND level_pct IS NOT NULL
     GROUP BY 1 ORDER BY 1`,
    [site, crossed - lookbackHours * HOUR_MS, crossed],
  );
  let from = 0;
  for (let i = 1; i < hours.length; i++) if (Number(hours[i]?.lv) < Number(hours[i - 1]?.lv) - 3) from = i;
  const xs = hours.slice(from).map((h) => (Number(h.h) - crossed) / HOUR_MS);
  const fit = hingeFit(
    xs,
    hours.slice(from).map((h) => Number(h.lv)),
  );
  if (!fit || fit.slopeAfter <= 2 * Math.max(fit.slopeBefore, 0.05)) return null;
  return crossed + (xs[fit.knee] as number) * HOUR_MS;
}

/**
 * Filling tanks: the liquid level climbs past the level at which tanks are normally pumped and
 * keeps climbing with no pumping drop. Islands of `level ≥ exitLevel` per monitor (a running sum
 * over a change flag, in DuckDB) that hold at least `minPoints` readings at or above
 * `enterLevel`. The episode starts at the onset of the abnormal climb (the knee of a two-segment
 * line through the hourly levels before the crossing, see {@link hingeFit}; the climb through
 * `exitLevel` when there is no clear knee) and ends at the pump-out, or the end of the data.
 * @example
 * await detectTankFilling(store, { enterLevel: 90, exitLevel: 80 });
 */
export async function detectTankFilling(
  db: SqlReader,
  options: TankFillingOptions = {},
): Promise<DetectedAnomaly[]> {
  const enter = options.enterLevel ?? 90;
  const exit = options.exitLevel ?? 80;
  const minPoints = options.minPoints ?? 3;
  if (!(exit < enter))
    throw new Error(`tank-filling detection: exitLevel (${exit}) must be below enterLevel (${enter})`);
  const { stepMs } = STREAM_GRIDS.septic;
  const where = rangeCondition(options);
  const rows = await db.query(
    `WITH r AS (SELECT monitor_id AS site_id, ts, level_pct,
                       CASE WHEN (level_pct >= ${exit}) IS DISTINCT FROM (lag(level_pct) OVER w >= ${exit}) THEN 1 ELSE 0 END AS brk
                FROM septic WHERE ${where.sql} AND level_pct IS NOT NULL
                WINDOW w AS (PARTITION BY monitor_id ORDER BY ts)),
          g AS (SELECT *, sum(brk) OVER (PARTITION BY site_id ORDER BY ts ROWS UNBOUNDED PRECEDING) AS island FROM r)
     SELECT site_id, ${epochMs("min(ts)")} AS start, ${epochMs("max(ts)")} AS last,
            ${epochMs(`min(ts) FILTER (WHERE level_pct >= ${enter})`)} AS crossed, max(level_pct) AS peak,
            count(*) FILTER (WHERE level_pct >= ${enter}) AS high
     FROM g WHERE level_pct >= ${exit}
     GROUP BY site_id, island HAVING count(*) FILTER (WHERE level_pct >= ${enter}) >= ${Math.max(1, minPoints)}
     ORDER BY site_id, start`,
    where.params,
  );
  const out: DetectedAnomaly[] = [];
  for (const r of rows) {
    const site = String(r.site_id);
    const climb = Number(r.start);
    const onset = await onsetOf(db, site, Number(r.crossed), options.onsetLookbackHours ?? 72);
    out.push({
      kind: "tank_filling",
      stream: "septic",
      site_id: site,
      start: onset !== null ? Math.min(onset, climb) : climb,
      end: Number(r.last) + stepMs,
      score: Number(r.peak),
      details: {
        crossed_at: Number(r.crossed),
        climbed_past_exit_at: climb,
        peak_level_pct: Number(r.peak),
        readings_above: Number(r.high),
      },
    });
  }
  return out;
}
