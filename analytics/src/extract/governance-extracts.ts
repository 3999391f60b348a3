import { CREDIT_RATINGS } from "../credit/credit-kpis.ts";
import { shanghaiDaySql } from "../kpi-common/shanghai-sql.ts";
import type { ExtractDef } from "./extract-defs.ts";

const int = (expr: string, as: string) => `CAST(${expr} AS INTEGER) AS ${as}`;

/**
 * Cases per Shanghai day of report × town × micro-app × category, with closure metrics as of
 * publishing: `opened` leaves rejected cases out (as `caseKpisSql` does), `closed` of those
 * now have a closing time, `open` do not. It reads the `cases` table (a few hundred rows a day)
 * rather than `rollup_cases_day`, which counts rejected cases as opened and cannot tell the
 * backlog. Governance scene: case trend, closure rate, backlog by town/app/category.
 */
export const casesDaily: ExtractDef = {
  name: "cases_daily",
  title: { zh: "爱潼南事件日统计", en: "Citizen cases per day" },
  timeColumn: "day",
  streams: ["cases"],
  sql: `WITH c AS (
  SELECT ${shanghaiDaySql("opened_at")} AS day, town_code, app, category, status,
    status <> 'rejected' AS counted, closed_at IS NOT NULL AS done,
    epoch(closed_at - opened_at) / 3600.0 AS hours
  FROM cases
)
SELECT day, town_code, app, category,
  ${int("count(*) FILTER (WHERE counted)", "opened")},
  ${int("count(*) FILTER (WHERE counted AND done)", "closed")},
  ${int("count(*) FILTER (WHERE counted AND NOT done)", "open")},
  ${int("count(*) FILTER (WHERE NOT counted)", "rejected")},
  CAST(count(*) FILTER (WHERE counted AND done) AS DOUBLE) / NULLIF(count(*) FILTER (WHERE counted), 0) AS closure_rate,
  sum(hours) FILTER (WHERE counted AND done) AS hours_to_close,
  avg(hours) FILTER (WHERE counted AND done) AS mean_hours_to_close
FROM c GROUP BY day, town_code, app, category ORDER BY day, town_code, app, category`,
};

/**
 * Credit per month × town: enterprises rated, per rating, red/black lists in force (enterprises
 * and entries), report queries and joint reward/punishment actions. Governance scene: 信用潼南.
 */
export const creditMonthly: ExtractDef = {
  name: "credit_monthly",
  title: { zh: "信用潼南月度汇总", en: "Credit summary per month" },
  timeColumn: "month",
  streams: ["credit"],
  sql: `SELECT month, town_code, ${int("count(*)", "enterprises")},
  ${CREDIT_RATINGS.map((r) => int(`count(*) FILTER (WHERE rating = '${r}')`, `rating_${r.toLowerCase()}`)).join(", ")},
  ${int("count(*) FILTER (WHERE red_list > 0)", "red_enterprises")}, ${int("sum(red_list)", "red_entries")},
  ${int("count(*) FILTER (WHERE black_list > 0)", "black_enterprises")}, ${int("sum(black_list)", "black_entries")},
  ${int("sum(queries)", "queries")}, ${int("sum(joint_rewards)", "joint_rewards")},
  ${int("sum(joint_punishments)", "joint_punishments")},
  ${int("sum(joint_rewards + joint_punishments)", "joint_actions")}
FROM credit GROUP BY month, town_code ORDER BY month, town_code`,
};

const side = (unit: string, role: string, other: string) =>
  `SELECT day, ${unit} AS unit, '${role}' AS role, sum(records) AS records, sum(calls) AS calls,
    ${int("count(DISTINCT item_id)", "items")}, ${int(`count(DISTINCT ${other})`, "partners")}
  FROM exchange GROUP BY day, ${unit}`;

/**
 * Data sharing per day × unit × role (provider or consumer): records, calls, distinct catalog
 * items and partner units that day (items and partners do not add up across days). Governance
 * scene: exchange volume trend, top providers and consumers.
 */
export const exchangeDaily: ExtractDef = {
  name: "exchange_daily",
  title: { zh: "数据共享交换日统计", en: "Data sharing per day and unit" },
  timeColumn: "day",
  streams: ["exchange"],
  sql: `${side("provider_unit", "provider", "consumer_unit")}
UNION ALL
${side("consumer_unit", "consumer", "provider_unit")}
ORDER BY day, role, unit`,
};

/** Days of alerts the wall keeps, counted back from the newest alert. */
export const ALERTS_RECENT_DAYS = 30;

/**
 * Alerts raised in the 30 days up to the newest alert, newest first, with coordinates from
 * `sites` when the alert has none. Every scene's alert ticker and the overview's alert map;
 * live alerts arrive over SSE on top of it.
 */
export const alertsRecent: ExtractDef = {
  name: "alerts_recent",
  title: { zh: "近30日告警", en: "Alerts, last 30 days" },
  timeColumn: "ts",
  streams: ["alerts"],
  sql: `SELECT a.alert_id, a.ts, a.source, a.rule, a.severity, a.site_id,
    coalesce(a.town_code, s.town_code) AS town_code, coalesce(a.lon, s.lon) AS lon, coalesce(a.lat, s.lat) AS lat,
    a.message, a.evidence, a.status, a.updated_at, a.actor
  FROM alerts a LEFT JOIN sites s ON s.id = a.site_id
  WHERE a.ts >= (SELECT max(ts) FROM alerts) - INTERVAL ${ALERTS_RECENT_DAYS} DAY
  ORDER BY a.ts DESC, a.alert_id`,
};
