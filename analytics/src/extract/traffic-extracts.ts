import { shanghaiDaySql } from "../kpi-common/shanghai-sql.ts";
import { congestionSql } from "../traffic/congestion.ts";
import type { ExtractDef } from "./extract-defs.ts";
import { inlineParams, sqlExpr } from "./inline-params.ts";

/**
 * Crossings per camera × hour × class × direction (summed over the camera's counting lines),
 * with the count-weighted mean speed, one file per month, from `rollup_traffic_hour`. Traffic
 * scene: hourly flow chart, class mix, direction split; reports.
 */
export const trafficHourly: ExtractDef = {
  name: "traffic_hourly",
  title: { zh: "分卡口逐时车流（按月分片）", en: "Hourly traffic by camera, monthly parts" },
  timeColumn: "ts",
  streams: ["traffic"],
  incremental: "day",
  partitionBy: "month",
  role: "drill-down",
  sql: `SELECT hour AS ts, camera_id, class, direction, CAST(sum(count) AS INTEGER) AS count,
    sum(speed_weighted) / NULLIF(sum(speed_count), 0) AS mean_speed_kmh
  FROM rollup_traffic_hour GROUP BY ALL ORDER BY ts, camera_id, class, direction`,
};

/** The newest Shanghai day of traffic data, plus `offset` days. */
const latestDay = (offset: number) =>
  sqlExpr(`SELECT ${shanghaiDaySql("max(hour)")} + ${offset} FROM rollup_traffic_hour`);

/**
 * `congestionSql` (docs/kpis.md: TTI over motorised minute speeds, free flow = each camera's
 * 85th-percentile speed of the day) for the newest Shanghai day of data, per camera and hour.
 * It reads the raw `traffic` minutes of that one day, because the index needs minute speeds
 * that the hourly rollup no longer has; the day is found from the rollup.
 */
const congestion = congestionSql({ period: { start: "2000-01-01", end: "2000-01-02" }, grain: "hour" });
const congestionValues = congestion.params.map((p) =>
  p === "2000-01-01" ? latestDay(0) : p === "2000-01-02" ? latestDay(1) : p,
);

/**
 * Congestion per camera and hour on the newest day, with camera name, road and coordinates
 * from `sites`. Traffic scene: congestion map and the ranking of congested cameras (a camera's
 * day TTI is Σ volume·tti / Σ volume over its hours).
 */
export const trafficCongestion: ExtractDef = {
  name: "traffic_congestion",
  title: { zh: "卡口拥堵指数（最新一日）", en: "Congestion by camera, latest day" },
  timeColumn: "day",
  streams: ["traffic"],
  sql: `SELECT c.camera_id, s.name, s.town_code, s.road_id, s.lon, s.lat, c.day,
    CAST(c.hour AS INTEGER) AS hour, c.free_flow_kmh, c.volume, c.tti, CAST(c.level AS INTEGER) AS level
  FROM (${inlineParams(congestion, congestionValues)}) c
  LEFT JOIN sites s ON s.id = c.camera_id AND s.kind = 'camera'
  ORDER BY c.camera_id, c.day, hour`,
};
