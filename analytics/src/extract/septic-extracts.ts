import { DEFAULT_SEPTIC_THRESHOLDS, SEPTIC_MEASURES } from "../septic/septic-thresholds.ts";
import { septicStatusSql } from "../septic/septic-state.ts";
import type { ExtractDef } from "./extract-defs.ts";
import { inlineParams, sqlExpr, withScopedTable } from "./inline-params.ts";

/** A placeholder instant, swapped for "the newest septic reading" when the SQL is inlined. */
const AS_OF = -86_400_000;
const status = septicStatusSql({ asOf: AS_OF });
const asOfNewest = sqlExpr("SELECT epoch_ms(max(ts)) FROM septic");

/**
 * `septicStatusSql` (each monitor's state from its latest reading; docs/kpis.md) as of the
 * newest septic reading in the store, over only each monitor's newest hour of raw rows (found
 * from `rollup_septic_hour`), so it does not sort the whole history. `age_minutes` and `stale`
 * are relative to that newest reading; the screen re-judges age against its clock from `ts`.
 */
const statusSql = withScopedTable(
  inlineParams(
    status,
    status.params.map((p) => (p === AS_OF ? asOfNewest : p)),
  ),
  "septic",
  `SELECT s.* FROM main.septic s JOIN (SELECT monitor_id, max(hour) AS newest FROM rollup_septic_hour GROUP BY monitor_id) l
    ON l.monitor_id = s.monitor_id AND s.ts >= l.newest`,
);

/**
 * Latest state per septic-tank monitor (normal/warn/alarm, which measures triggered it, age)
 * with name and coordinates from `sites`. Environment & facilities scene: monitor map, alarm
 * list, state counts.
 */
export const septicStatus: ExtractDef = {
  name: "septic_status",
  title: { zh: "化粪池监测点最新状态", en: "Septic monitors, latest state" },
  timeColumn: "ts",
  streams: ["septic"],
  sql: `SELECT st.monitor_id, s.name, st.town_code, s.lon, s.lat, st.ts, st.ch4_lel, st.h2s_ppm, st.level_pct,
    st.state, st.state = 'alarm' AS alarm, st.triggered_by, st.alarm_measures, st.warn_measures,
    st.age_minutes, st.stale
  FROM (${statusSql}) st LEFT JOIN sites s ON s.id = st.monitor_id AND s.kind = 'septic'
  ORDER BY st.monitor_id`,
};

const MAXIMA = { ch4_lel: "ch4_max", h2s_ppm: "h2s_max", level_pct: "level_max" } as const;
const reaches = (level: "warn" | "alarm") =>
  SEPTIC_MEASURES.map((m) => `${MAXIMA[m]} >= ${DEFAULT_SEPTIC_THRESHOLDS[m][level]}`).join(" OR ");

/**
 * Septic monitors per hour over the last 7 Shanghai days of data, from `rollup_septic_hour`:
 * means, maxima and the hour's worst state (its maxima against the default thresholds).
 * Environment & facilities scene: per-monitor trend and state strip.
 */
export const septicHourly: ExtractDef = {
  name: "septic_hourly",
  title: { zh: "化粪池逐时监测（近7日）", en: "Septic monitors hourly, last 7 days" },
  timeColumn: "ts",
  streams: ["septic"],
  sql: `SELECT hour AS ts, monitor_id, town_code, ch4_mean, ch4_max, h2s_max, level_max, temperature_mean,
    CAST(readings AS INTEGER) AS readings,
    CASE WHEN ${reaches("alarm")} THEN 'alarm' WHEN ${reaches("warn")} THEN 'warn' ELSE 'normal' END AS state
  FROM rollup_septic_hour
  WHERE hour >= CAST((SELECT CAST(max(hour) + INTERVAL 8 HOUR AS DATE) - 6 FROM rollup_septic_hour) AS TIMESTAMP) - INTERVAL 8 HOUR
  ORDER BY ts, monitor_id`,
};
