import { quoteIdent } from "@citybrain/datasets";
import type { DetectedAnomaly, SqlReader, TimeRange } from "./detected-anomaly.ts";
import { epochMs, rangeCondition } from "./sql-time.ts";
import { STREAM_GRIDS, type GridStreamName } from "./stream-sites.ts";

/** Options of {@link detectStuckSensors}. */
export interface StuckSensorOptions extends TimeRange {
  readonly stream: GridStreamName;
  /** Fields that a stuck device repeats; a run needs all of them unchanged. */
  readonly fields: readonly string[];
  /** Fewest identical consecutive readings that count as stuck. */
  readonly minRun: number;
  /**
   * Runs whose value is one of these (for every field) are normal, e.g. 0 for a meter of a
   * plant that is shut at night.
   */
  readonly ignoreValues?: readonly number[];
}

/**
 * Stuck sensors: the same values (every listed field) for at least `minRun` consecutive readings;
 * the episode starts at the first repetition.
 * Gaps-and-islands in DuckDB: a change flag from `lag`, a running sum numbers the runs, long
 * runs are kept.
 * @example
 * await detectStuckSensors(store, { stream: "septic", fields: ["ch4_lel", "level_pct"], minRun: 12 });
 */
export async function detectStuckSensors(
  db: SqlReader,
  options: StuckSensorOptions,
): Promise<DetectedAnomaly[]> {
  if (options.fields.length === 0)
    throw new Error(`stuck-sensor detection on ${options.stream}: expected at least one field`);
  if (!(options.minRun >= 2))
    throw new Error(`stuck-sensor detection on ${options.stream}: minRun must be ≥ 2, got ${options.minRun}`);
  const { siteColumn, stepMs } = STREAM_GRIDS[options.stream];
  const cols = options.fields.map(quoteIdent);
  const same = cols.map((c) => `${c} IS NOT DISTINCT FROM lag(${c}) OVER w`).join(" AND ");
  const ignored = (options.ignoreValues ?? []).map(Number);
  const keep = ignored.length
    ? `AND NOT (${cols.map((c) => `coalesce(any_value(${c}) IN (${ignored.join(", ")}), FALSE)`).join(" AND ")})`
    : "";
  const allNull = cols.map((c) => `any_value(${c}) IS NULL`).join(" AND ");
  const where = rangeCondition(options);
  const rows = await db.query(
    `WITH r AS (SELECT ${quoteIdent(siteColumn)} AS site_id, ts, ${cols.join(", ")},
                       CASE WHEN ${same} THEN 0 ELSE 1 END AS brk
                FROM ${quoteIdent(options.stream)} WHERE ${where.sql}
                WINDOW w AS (PARTITION BY ${quoteIdent(siteColumn)} ORDER BY ts)),
          g AS (SELECT *, sum(brk) OVER (PARTITION BY site_id ORDER BY ts ROWS UNBOUNDED PRECEDING) AS run FROM r)
     SELECT site_id, ${epochMs("min(ts)")} AS start, ${epochMs("max(ts)")} AS last, count(*) AS n,
            ${cols.map((c, i) => `any_value(${c}) AS v${i}`).join(", ")}
     FROM g GROUP BY site_id, run
     HAVING count(*) >= ${Math.floor(options.minRun)} AND NOT (${allNull}) ${keep}
     ORDER BY site_id, start`,
    where.params,
  );
  return rows.map((r) => {
    const details: Record<string, string | number> = { readings: Number(r.n) };
    options.fields.forEach((f, i) => {
      const v = r[`v${i}`];
      if (typeof v === "number") details[f] = v;
    });
    return {
      kind: "stuck_sensor",
      stream: options.stream,
      site_id: String(r.site_id),
      // The run's first reading is genuine; the device is stuck from the first repetition on.
      start: Number(r.start) + stepMs,
      end: Number(r.last) + stepMs,
      score: Number(r.n) / options.minRun,
      details,
    };
  });
}
