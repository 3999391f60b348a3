import { septic } from "@citybrain/datasets";
import type { TimeInput } from "../kpi-common/local-time.ts";
import { toEpochMs } from "../kpi-common/local-time.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import type { SqlParam } from "../store/store.ts";
import type { SepticMeasure, SepticThresholds } from "./septic-thresholds.ts";
import { DEFAULT_SEPTIC_THRESHOLDS, SEPTIC_MEASURES, checkSepticThresholds } from "./septic-thresholds.ts";

export type SepticState = "normal" | "warn" | "alarm";

/** The measures of one reading. */
export type SepticReading = Readonly<Record<SepticMeasure, number | null>>;

/** A reading's state and which measures put it there. */
export interface SepticAssessment {
  readonly state: SepticState;
  /** Measures at or above their alarm threshold. */
  readonly alarmMeasures: readonly SepticMeasure[];
  /** Measures at or above warn but below alarm. */
  readonly warnMeasures: readonly SepticMeasure[];
  /** The measures at the state's level (alarm measures for `alarm`, warn ones for `warn`). */
  readonly triggeredBy: readonly SepticMeasure[];
}

/**
 * State of one reading: `alarm` if any measure reaches its alarm threshold, else `warn` if any
 * reaches warn, else `normal`. A missing measure triggers nothing.
 * @example septicState({ ch4_lel: 30, h2s_ppm: 2, level_pct: 91 }) // alarm by level_pct; ch4 warns
 */
export function septicState(
  r: SepticReading,
  thresholds: SepticThresholds = DEFAULT_SEPTIC_THRESHOLDS,
): SepticAssessment {
  checkSepticThresholds(thresholds);
  const at = (m: SepticMeasure, level: "warn" | "alarm") =>
    r[m] != null && (r[m] as number) >= thresholds[m][level];
  const alarmMeasures = SEPTIC_MEASURES.filter((m) => at(m, "alarm"));
  const warnMeasures = SEPTIC_MEASURES.filter((m) => at(m, "warn") && !at(m, "alarm"));
  const state: SepticState = alarmMeasures.length > 0 ? "alarm" : warnMeasures.length > 0 ? "warn" : "normal";
  const triggeredBy = state === "alarm" ? alarmMeasures : state === "warn" ? warnMeasures : [];
  return { state, alarmMeasures, warnMeasures, triggeredBy };
}

/** Options of the latest-state queries. */
export interface SepticStatusOptions {
  /** Readings at or before this instant count; default: when the query is built. */
  readonly asOf?: TimeInput;
  readonly thresholds?: SepticThresholds;
  /** A latest reading older than this is flagged `stale` (default 30: six missed 5-min readings). */
  readonly staleAfterMinutes?: number;
}

const list = (measures: (m: SepticMeasure) => string): string =>
  `NULLIF(concat_ws(',', ${SEPTIC_MEASURES.map((m) => `CASE WHEN ${measures(m)} THEN '${m}' END`).join(", ")}), '')`;

/**
 * State of every monitor from its latest reading at or before `asOf`. Columns: monitor_id,
 * town_code, ts, ch4_lel, h2s_ppm, level_pct, state, alarm_measures, warn_measures,
 * triggered_by ("ch4_lel,level_pct" or NULL), age_minutes, stale.
 */
export function septicStatusSql(options: SepticStatusOptions = {}): SqlQuery {
  const t = checkSepticThresholds(options.thresholds ?? DEFAULT_SEPTIC_THRESHOLDS);
  const asOf = toEpochMs(options.asOf ?? Date.now());
  const params: SqlParam[] = [asOf];
  const ge = (m: SepticMeasure, level: "warn" | "alarm") => {
    params.push(t[m][level]);
    return `${m} >= ?`;
  };
  const anyAlarm = SEPTIC_MEASURES.map((m) => ge(m, "alarm")).join(" OR ");
  const anyWarn = SEPTIC_MEASURES.map((m) => ge(m, "warn")).join(" OR ");
  const alarmList = list((m) => ge(m, "alarm"));
  const warnList = list((m) => `${ge(m, "warn")} AND NOT ${ge(m, "alarm")}`);
  params.push(asOf, options.staleAfterMinutes ?? 30);
  const sql = `WITH latest AS (
  SELECT monitor_id, town_code, ts, ch4_lel, h2s_ppm, level_pct FROM ${septic.name}
  WHERE ts <= make_timestamp(CAST(? AS BIGINT) * 1000)
  QUALIFY row_number() OVER (PARTITION BY monitor_id ORDER BY ts DESC) = 1
), assessed AS (
  SELECT *,
    CASE WHEN ${anyAlarm} THEN 'alarm' WHEN ${anyWarn} THEN 'warn' ELSE 'normal' END AS state,
    ${alarmList} AS alarm_measures,
    ${warnList} AS warn_measures,
    epoch(make_timestamp(CAST(? AS BIGINT) * 1000) - ts) / 60.0 AS age_minutes
  FROM latest
)
SELECT *, CASE state WHEN 'alarm' THEN alarm_measures WHEN 'warn' THEN warn_measures END AS triggered_by,
  age_minutes > ? AS stale
FROM assessed ORDER BY monitor_id`;
  return { sql, params };
}

/**
 * Monitors per town by state. Columns: town_code, monitors, normal, warn, alarm, stale.
 */
export function septicStateCountsSql(options: SepticStatusOptions = {}): SqlQuery {
  const status = septicStatusSql(options);
  return {
    sql: `SELECT town_code, count(*) AS monitors,
  count(*) FILTER (WHERE state = 'normal') AS normal, count(*) FILTER (WHERE state = 'warn') AS warn,
  count(*) FILTER (WHERE state = 'alarm') AS alarm, count(*) FILTER (WHERE stale) AS stale
FROM (${status.sql}) AS s GROUP BY town_code ORDER BY town_code`,
    params: status.params,
  };
}
