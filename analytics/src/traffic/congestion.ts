import { traffic } from "@citybrain/datasets";
import { localDayOf, localHourOf } from "../kpi-common/local-time.ts";
import type { Period } from "../kpi-common/period.ts";
import { timestampInPeriodSql } from "../kpi-common/shanghai-sql.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import { quantileCont } from "../kpi-common/stats.ts";
import type { SqlParam } from "../store/store.ts";
import type { CongestionBand } from "./congestion-bands.ts";
import { CONGESTION_BANDS, congestionBand, congestionLevelSql } from "./congestion-bands.ts";
import type { TrafficGrain, TrafficRow } from "./traffic-common.ts";
import { MOTOR_CLASSES, grainSql } from "./traffic-common.ts";

/**
 * Free-flow speed per camera: `fixed` (km/h, optionally per camera), or `percentile`: the
 * p-quantile of the camera's observed minute speeds in the period (default p = 0.85).
 */
export type FreeFlow =
  | { readonly kind: "fixed"; readonly kmh: number; readonly byCamera?: Readonly<Record<string, number>> }
  | { readonly kind: "percentile"; readonly p: number };

/** The 85th percentile of each camera's observed speeds in the period. */
export const DEFAULT_FREE_FLOW: FreeFlow = { kind: "percentile", p: 0.85 };

/** Options of the congestion index. */
export interface CongestionOptions {
  readonly freeFlow?: FreeFlow;
  readonly bands?: readonly CongestionBand[];
}

/** Motorised observations with a speed: the only rows the index reads. */
const usable = (r: TrafficRow): boolean =>
  MOTOR_CLASSES.includes(r.class) && r.count > 0 && r.mean_speed_kmh != null && r.mean_speed_kmh > 0;

function checkFreeFlow(ff: FreeFlow): void {
  if (ff.kind === "percentile" && !(ff.p > 0 && ff.p <= 1))
    throw new Error(`freeFlow.p: expected (0, 1], got ${ff.p}`);
  const speeds = ff.kind === "fixed" ? [ff.kmh, ...Object.values(ff.byCamera ?? {})] : [];
  for (const v of speeds) if (!(v > 0)) throw new Error(`freeFlow: expected speeds > 0 km/h, got ${v}`);
}

/** Free-flow speed of each camera among `rows`. */
export function freeFlowSpeeds(
  rows: readonly TrafficRow[],
  freeFlow: FreeFlow = DEFAULT_FREE_FLOW,
): Map<string, number> {
  checkFreeFlow(freeFlow);
  const speeds = new Map<string, number[]>();
  for (const r of rows.filter(usable))
    speeds.set(r.camera_id, [...(speeds.get(r.camera_id) ?? []), r.mean_speed_kmh as number]);
  const out = new Map<string, number>();
  for (const [cam, s] of speeds) {
    out.set(
      cam,
      freeFlow.kind === "fixed"
        ? (freeFlow.byCamera?.[cam] ?? freeFlow.kmh)
        : (quantileCont(s, freeFlow.p) as number),
    );
  }
  return out;
}

/** A congestion figure for a set of observations. */
export interface CongestionResult {
  /** Motorised crossings with a speed. */
  readonly volume: number;
  /** Volume-weighted travel-time index; null without usable observations. */
  readonly tti: number | null;
  readonly band: CongestionBand | null;
}

/**
 * Congestion index: TTI = Σ count · (free-flow ÷ speed) / Σ count over motorised minute
 * observations with a speed, i.e. free-flow speed over the volume-weighted harmonic mean speed
 * (the ratio of actual to free-flow travel time). 1 is free flow; 2 takes twice as long.
 * `freeFlowByCamera` comes from {@link freeFlowSpeeds} over the whole period.
 */
export function congestionIndex(
  rows: readonly TrafficRow[],
  freeFlowByCamera: ReadonlyMap<string, number>,
  bands: readonly CongestionBand[] = CONGESTION_BANDS,
): CongestionResult {
  let volume = 0;
  let weighted = 0;
  for (const r of rows.filter(usable)) {
    const ff = freeFlowByCamera.get(r.camera_id);
    if (ff === undefined) throw new Error(`congestion: no free-flow speed for camera "${r.camera_id}"`);
    volume += r.count;
    weighted += (r.count * ff) / (r.mean_speed_kmh as number);
  }
  const tti = volume > 0 ? weighted / volume : null;
  return { volume, tti, band: congestionBand(tti, bands) };
}

/** Per-camera congestion of rows by local day/hour: the TS twin of {@link congestionSql}. */
export function congestionByCamera(
  rows: readonly TrafficRow[],
  grain: TrafficGrain,
  options: CongestionOptions = {},
) {
  const ff = freeFlowSpeeds(rows, options.freeFlow);
  const groups = new Map<string, TrafficRow[]>();
  for (const r of rows.filter(usable)) {
    const key = [
      r.camera_id,
      grain === "period" ? "" : localDayOf(r.ts),
      grain === "hour" ? String(localHourOf(r.ts)).padStart(2, "0") : "",
    ].join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, rs]) => {
      const [camera_id, day, hour] = key.split("\u0000") as [string, string, string];
      const r = congestionIndex(rs, ff, options.bands);
      return {
        camera_id,
        day: day || null,
        hour: hour ? Number(hour) : null,
        free_flow_kmh: ff.get(camera_id) ?? null,
        ...r,
      };
    });
}

/**
 * Congestion index per camera and time grain over the period (definition at
 * {@link congestionIndex}). Columns: camera_id, `day`/`hour` per the grain, free_flow_kmh,
 * volume, tti, level (1 畅通 … 5 严重拥堵 from the bands).
 */
export function congestionSql(
  options: CongestionOptions & { readonly period: Period; readonly grain?: TrafficGrain },
): SqlQuery {
  const freeFlow = options.freeFlow ?? DEFAULT_FREE_FLOW;
  checkFreeFlow(freeFlow);
  const g = grainSql(options.grain ?? "hour");
  const range = timestampInPeriodSql("ts", options.period);
  const params: SqlParam[] = [...range.params, ...MOTOR_CLASSES];
  let ff: string;
  if (freeFlow.kind === "percentile") {
    ff = "SELECT camera_id, quantile_cont(s, ?) AS ff FROM obs GROUP BY camera_id";
    params.push(freeFlow.p);
  } else {
    const cams = Object.entries(freeFlow.byCamera ?? {});
    const arms = cams.map(() => "WHEN camera_id = ? THEN CAST(? AS DOUBLE)").join(" ");
    ff = `SELECT DISTINCT camera_id, CASE ${arms} ELSE CAST(? AS DOUBLE) END AS ff FROM obs`;
    params.push(...cams.flat(), freeFlow.kmh);
  }
  const keys = ["camera_id", ...g.columns];
  const sql = `WITH obs AS (
  SELECT camera_id, ${g.select ? `${g.select}, ` : ""}count AS n, mean_speed_kmh AS s
  FROM ${traffic.name}
  WHERE ${range.sql} AND class IN (${MOTOR_CLASSES.map(() => "?").join(", ")}) AND count > 0 AND mean_speed_kmh > 0
), ff AS (${ff}), agg AS (
  SELECT ${keys.map((k) => `obs.${k}`).join(", ")}, any_value(ff.ff) AS free_flow_kmh, sum(n) AS volume,
    sum(n * ff.ff / s) / sum(n) AS tti
  FROM obs JOIN ff ON ff.camera_id = obs.camera_id
  GROUP BY ${keys.map((k) => `obs.${k}`).join(", ")}
)
SELECT *, ${congestionLevelSql("tti", options.bands)} AS level FROM agg ORDER BY ${keys.join(", ")}`;
  return { sql, params };
}
