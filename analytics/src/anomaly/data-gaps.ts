import { quoteIdent } from "@citybrain/datasets";
import type { DetectedAnomaly, SqlReader, TimeRange } from "./detected-anomaly.ts";
import { epochMs, rangeCondition } from "./sql-time.ts";
import { STREAM_GRIDS, type GridStreamName } from "./stream-sites.ts";

/** Options of {@link detectDataGaps}. */
export interface DataGapOptions extends TimeRange {
  readonly stream: GridStreamName;
  /** A gap is more than this many consecutive missing readings (default 3). */
  readonly maxSilentSteps?: number;
}

/**
 * Data gaps: a site missing more than `maxSilentSteps` consecutive readings, including silence
 * at the start or end of the range (the range defaults to the stream's first and last reading).
 * One window pass in DuckDB (`lead` over each site's readings).
 * @example
 * const gaps = await detectDataGaps(store, { stream: "septic", maxSilentSteps: 3 });
 */
export async function detectDataGaps(db: SqlReader, options: DataGapOptions): Promise<DetectedAnomaly[]> {
  const { siteColumn, stepMs } = STREAM_GRIDS[options.stream];
  const k = options.maxSilentSteps ?? 3;
  const where = rangeCondition(options);
  const begin = options.from !== undefined ? `${Number(options.from)}` : "(SELECT min(t) FROM l)";
  const end = options.to !== undefined ? `${Number(options.to)}` : `(SELECT max(t) + ${stepMs} FROM l)`;
  const rows = await db.query(
    `WITH r AS (SELECT DISTINCT ${quoteIdent(siteColumn)} AS site_id, ${epochMs("ts")} AS t
                FROM ${quoteIdent(options.stream)} WHERE ${where.sql}),
          l AS (SELECT site_id, t, lead(t) OVER w AS nxt, lag(t) OVER w AS prv FROM r
                WINDOW w AS (PARTITION BY site_id ORDER BY t))
     SELECT site_id, t + ${stepMs} AS start, coalesce(nxt, ${end}) AS stop FROM l
      WHERE coalesce(nxt, ${end}) - t > ${(k + 1) * stepMs}
     UNION ALL
     SELECT site_id, ${begin} AS start, t AS stop FROM l
      WHERE prv IS NULL AND t - ${begin} > ${k * stepMs}
     ORDER BY site_id, start`,
    where.params,
  );
  return rows.map((r) => {
    const start = Number(r.start);
    const stop = Number(r.stop);
    const missing = Math.round((stop - start) / stepMs);
    return {
      kind: "data_gap",
      stream: options.stream,
      site_id: String(r.site_id),
      start,
      end: stop,
      score: missing / k,
      details: { missing_intervals: missing },
    };
  });
}
