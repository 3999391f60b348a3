import { quoteIdent } from "@citybrain/datasets";
import type { DetectedAnomaly, SqlReader, TimeRange } from "./detected-anomaly.ts";
import { epochMs, localTs, rangeCondition } from "./sql-time.ts";
import { STREAM_GRIDS, type GridStreamName } from "./stream-sites.ts";
import { CHINA_DAY_CLASSES, calendarValues, type DayClassOf } from "./workday-calendar.ts";

const HOUR_MS = 3_600_000;
const OFFSET_MS = 8 * HOUR_MS;

/** Options of {@link detectActivityGaps}. */
export interface ActivityGapOptions extends TimeRange {
  readonly stream: GridStreamName;
  /** Shortest silence looked at, in intervals (default 15). */
  readonly minSilentSteps?: number;
  /** Surprise (nats) a silence needs: −Σ log P(no row in the interval) (default 25). */
  readonly threshold?: number;
  readonly dayClassOf?: DayClassOf;
}

/**
 * Data gaps in a sparse stream, where a quiet interval has no row (the traffic stream emits a row
 * only when something crossed the line). A silence is a gap when it is improbable given how
 * often the site reports at that local hour and day class: DuckDB finds the silences and each
 * site's share of active intervals per hour; a silence's surprise is the sum over its intervals of
 * −log(1 − active share), and it is a gap when that reaches `threshold`. A quiet night on a rural
 * road is not a gap; the same hours silent on a busy road are.
 * @example
 * await detectActivityGaps(store, { stream: "traffic", minSilentSteps: 15 });
 */
export async function detectActivityGaps(
  db: SqlReader,
  options: ActivityGapOptions,
): Promise<DetectedAnomaly[]> {
  const { siteColumn, stepMs } = STREAM_GRIDS[options.stream];
  const site = quoteIdent(siteColumn);
  const table = quoteIdent(options.stream);
  const where = rangeCondition(options);
  const minSilent = options.minSilentSteps ?? 15;
  const extent = await db.query(
    `SELECT ${epochMs("min(ts)")} AS lo, ${epochMs("max(ts)")} AS hi FROM ${table} WHERE ${where.sql}`,
    where.params,
  );
  const lo = options.from ?? Number(extent[0]?.lo);
  const hi = options.to ?? Number(extent[0]?.hi) + stepMs;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const classOf = options.dayClassOf ?? CHINA_DAY_CLASSES;
  const active = `WITH cal AS (${calendarValues(lo, hi, classOf)}),
        r AS (SELECT DISTINCT ${site} AS site_id, ts FROM ${table} WHERE ${where.sql})`;
  const [silences, profile] = [
    await db.query(
      `${active}, l AS (SELECT site_id, ${epochMs("ts")} AS t, lead(${epochMs("ts")}) OVER (PARTITION BY site_id ORDER BY ts) AS nxt FROM r)
       SELECT site_id, t + ${stepMs} AS start, coalesce(nxt, ${hi}) AS stop FROM l
       WHERE coalesce(nxt, ${hi}) - t > ${minSilent * stepMs} ORDER BY site_id, start`,
      where.params,
    ),
    await db.query(
      `${active}, days AS (SELECT cls, count(*) AS n FROM cal GROUP BY cls)
       SELECT site_id, hour(${localTs()}) AS hod, cal.cls, count(*) / (days.n * ${HOUR_MS / stepMs}) AS share
       FROM r JOIN cal ON cal.d = CAST(${localTs()} AS DATE) JOIN days ON days.cls = cal.cls
       GROUP BY site_id, hod, cal.cls, days.n`,
      where.params,
    ),
  ];
  const share = new Map(
    profile.map((p) => [`${String(p.site_id)}|${Number(p.hod)}|${Number(p.cls)}`, Number(p.share)]),
  );
  const threshold = options.threshold ?? 25;
  const out: DetectedAnomaly[] = [];
  for (const s of silences) {
    const id = String(s.site_id);
    const [start, stop] = [Number(s.start), Number(s.stop)];
    let surprise = 0;
    for (let t = start; t < stop; t += stepMs) {
      const local = t + OFFSET_MS;
      const key = `${id}|${Math.floor((local % 86_400_000) / HOUR_MS)}|${classOf(Math.floor(local / 86_400_000))}`;
      surprise -= Math.log(1 - Math.min(0.999, share.get(key) ?? 0));
    }
    if (surprise < threshold) continue;
    out.push({
      kind: "data_gap",
      stream: options.stream,
      site_id: id,
      start,
      end: stop,
      score: surprise / threshold,
      details: {
        missing_intervals: Math.round((stop - start) / stepMs),
        surprise: Math.round(surprise * 10) / 10,
      },
    });
  }
  return out;
}
