import { co2TonnesSql } from "../energy/emission-factors.ts";
import { KEY_UNIT_THRESHOLDS } from "../energy/key-energy-units.ts";
import type { ExtractDef } from "./extract-defs.ts";

/** Days the ranking covers at most (a year), ending with the newest day of data. */
export const KEY_UNITS_WINDOW_DAYS = 365;

/**
 * 重点用能单位 ranking: enterprises by annualised tce over the last 365 days of data (fewer when
 * the history is shorter), as `keyEnergyUnitsSql` ranks a period: annual tce = tce × 365 / days
 * in the window; class `key` ≥ 10,000, `designated` ≥ 5,000 tce/yr. From `rollup_energy_day`,
 * with names and coordinates from `sites`. Energy scene ranking and map markers.
 */
export const keyEnergyUnits: ExtractDef = {
  name: "key_energy_units",
  title: { zh: "重点用能单位排名", en: "Key energy-consuming units" },
  streams: ["energy"],
  sql: `WITH win AS (
  SELECT greatest(min(day), max(day) - ${KEY_UNITS_WINDOW_DAYS - 1}) AS period_start, max(day) AS period_end
  FROM rollup_energy_day
), totals AS (
  SELECT enterprise_id, min(industry) AS industry, min(town_code) AS town_code, sum(tce) AS tce,
    sum(${co2TonnesSql("carrier", "value")}) AS co2_t
  FROM rollup_energy_day, win WHERE day BETWEEN period_start AND period_end GROUP BY enterprise_id
), annual AS (
  SELECT totals.*, win.*, ${KEY_UNITS_WINDOW_DAYS}.0 / (period_end - period_start + 1) AS factor
  FROM totals, win
)
SELECT CAST(row_number() OVER (ORDER BY tce * factor DESC, a.enterprise_id) AS INTEGER) AS rank,
  a.enterprise_id, s.name, a.industry, a.town_code, s.lon, s.lat, a.tce, a.co2_t, a.factor,
  a.tce * a.factor AS annual_tce,
  CASE WHEN a.tce * a.factor >= ${KEY_UNIT_THRESHOLDS.key} THEN 'key'
    WHEN a.tce * a.factor >= ${KEY_UNIT_THRESHOLDS.designated} THEN 'designated' ELSE 'other' END AS class,
  a.period_start, a.period_end
FROM annual a LEFT JOIN sites s ON s.id = a.enterprise_id AND s.kind = 'enterprise'
ORDER BY rank`,
};
