import type { Carrier } from "@citybrain/datasets";
import type { DetectedAnomaly, SqlReader, TimeRange } from "./detected-anomaly.ts";
import { assembleEpisodes, type FlaggedPoint } from "./episodes.ts";
import { MAD_TO_SIGMA, mad, median } from "./robust-score.ts";
import { epochMs, localTs, rangeCondition } from "./sql-time.ts";

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** Options of {@link detectMeterLeaks}. */
export interface MeterLeakOptions extends TimeRange {
  /**
   * Carriers whose meters are watched (default water only: gas night use rises with heating as
   * winter comes, which a night-flow rule cannot tell from a leak).
   */
  readonly carriers?: readonly Carrier[];
  /** Local hours [from, to) of the night window whose minimum is watched (default 0–5). */
  readonly nightHours?: readonly [number, number];
  /** Normal nights kept as the baseline (default 14). */
  readonly baselineNights?: number;
  /** Fewest baseline nights before a night can be judged (default 5). */
  readonly minHistory?: number;
  /** Robust score a night's minimum must reach above the baseline (default 4). */
  readonly threshold?: number;
  /** Floor on the robust scale as a share of the meter's mean reading (default 0.06). */
  readonly relFloor?: number;
  /** Consecutive raised nights an episode needs (default 3). */
  readonly minNights?: number;
}

/**
 * Leaks after the meter: the minimum night flow of a water meter — the lowest hourly mean
 * in the night window, as water utilities define it; hourly means also smooth out the register's
 * rounding on small meters — rises above its baseline and stays there for several nights. DuckDB
 * reduces the readings to one minimum per meter and night; each night is scored against the
 * median and MAD of the meter's previous normal nights.
 * Raised nights do not enter the baseline, so a lasting leak cannot become the new normal.
 * @example
 * await detectMeterLeaks(store, { carriers: ["water"], minNights: 3 });
 */
export async function detectMeterLeaks(
  db: SqlReader,
  options: MeterLeakOptions = {},
): Promise<DetectedAnomaly[]> {
  const carriers = options.carriers ?? ["water"];
  const [h0, h1] = options.nightHours ?? [0, 5];
  const keep = options.baselineNights ?? 14;
  const minHistory = options.minHistory ?? 5;
  const threshold = options.threshold ?? 4;
  const relFloor = options.relFloor ?? 0.06;
  const where = rangeCondition(options);
  const hours = h1 - h0;
  const rows = await db.query(
    `WITH e AS (SELECT meter_id, ${localTs()} AS lt, value FROM energy
                WHERE ${where.sql} AND carrier IN (${carriers.map(() => "?").join(", ")})),
          scale AS (SELECT meter_id, avg(value) AS scale, ${epochMs("max(lt)")} AS last FROM e GROUP BY meter_id),
          hourly AS (SELECT meter_id, date_trunc('hour', lt) AS hr, avg(value) AS flow FROM e
                     WHERE hour(lt) >= ${h0} AND hour(lt) < ${h1} GROUP BY ALL HAVING count(*) >= 3),
          night AS (SELECT meter_id, ${epochMs("date_trunc('day', hr)")} AS day, min(flow) AS low, count(*) AS n
                    FROM hourly GROUP BY ALL)
     SELECT meter_id, day, low, scale, last FROM night JOIN scale USING (meter_id)
     WHERE n >= ${Math.max(1, hours - 1)} ORDER BY meter_id, day`,
    [...where.params, ...carriers],
  );
  const flagged: FlaggedPoint[] = [];
  const dataEnd = new Map<string, number>();
  const baselineAt = new Map<string, number>();
  let site = "";
  let history: number[] = [];
  for (const r of rows) {
    const id = String(r.meter_id);
    if (id !== site) {
      site = id;
      history = [];
    }
    const low = Number(r.low);
    const scale = Number(r.scale);
    const dayStart = Number(r.day) - OFFSET_MS; // local midnight as UTC epoch ms
    let raised = false;
    if (history.length >= minHistory) {
      const base = median(history);
      const sigma = Math.max(MAD_TO_SIGMA * mad(history), relFloor * scale, 1e-9);
      const z = (low - base) / sigma;
      raised = z >= threshold;
      if (raised) {
        flagged.push({ site_id: id, ts: dayStart, score: z });
        baselineAt.set(`${id}|${dayStart}`, base);
        dataEnd.set(id, Number(r.last) - OFFSET_MS + 15 * 60_000);
      }
    }
    if (!raised) history = [...history, low].slice(-keep);
  }
  const episodes = assembleEpisodes(flagged, {
    stepMs: DAY_MS,
    minPoints: options.minNights ?? 3,
    maxGapSteps: 2,
  });
  return episodes.map((ep) => {
    const baseline = baselineAt.get(`${ep.site_id}|${ep.start}`) ?? NaN;
    return {
      kind: "meter_leak",
      stream: "energy",
      site_id: ep.site_id,
      start: ep.start + h0 * 3_600_000,
      end: Math.min(ep.end, dataEnd.get(ep.site_id) ?? ep.end),
      score: ep.meanScore,
      details: { nights: ep.points, baseline_night_min: baseline, max_score: ep.maxScore },
    };
  });
}
