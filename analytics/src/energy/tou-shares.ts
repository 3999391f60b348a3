import { energy } from "@citybrain/datasets";
import type { Period } from "../kpi-common/period.ts";
import { timestampInPeriodSql } from "../kpi-common/shanghai-sql.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import { safeRatio } from "../kpi-common/stats.ts";
import type { EnergyDimension, EnergyReading } from "./energy-measure.ts";
import { checkEnergyDimensions } from "./energy-measure.ts";
import type { TouBand, TouSchedule } from "./tou-schedule.ts";
import { CHONGQING_TOU, TOU_BANDS, touBand, touBandSql } from "./tou-schedule.ts";

/** Electricity by band and each band's share of the total. */
export interface TouShares {
  readonly kwh: Readonly<Record<TouBand, number>>;
  readonly total: number;
  /** Share of the total per band; null when the total is 0. */
  readonly share: Readonly<Record<TouBand, number | null>>;
}

/**
 * Peak/flat/valley electricity (kWh) and shares of the readings given; other carriers are
 * ignored. Each 15-minute reading falls in the band of its start time.
 */
export function touShares(
  readings: readonly EnergyReading[],
  schedule: TouSchedule = CHONGQING_TOU,
): TouShares {
  const kwh = { peak: 0, flat: 0, valley: 0 };
  for (const r of readings) if (r.carrier === "electricity") kwh[touBand(r.ts, schedule)] += r.value;
  const total = kwh.peak + kwh.flat + kwh.valley;
  const share = Object.fromEntries(TOU_BANDS.map((b) => [b, safeRatio(kwh[b], total)])) as Record<
    TouBand,
    number | null
  >;
  return { kwh, total, share };
}

/** Options of {@link touSharesSql}. */
export interface TouSharesSqlOptions {
  readonly period: Period;
  /** Group by these energy columns (none: one district row). */
  readonly by?: readonly EnergyDimension[];
  readonly schedule?: TouSchedule;
}

/**
 * Electricity per band over a period from the `energy` table. Columns: the `by` columns,
 * peak_kwh, flat_kwh, valley_kwh, total_kwh, peak_share, flat_share, valley_share (NULL when
 * the total is 0).
 */
export function touSharesSql(options: TouSharesSqlOptions): SqlQuery {
  const by = checkEnergyDimensions(options.by ?? []);
  const range = timestampInPeriodSql("ts", options.period);
  const keys = by.map((d) => `${d}, `).join("");
  const sums = TOU_BANDS.map((b) => `coalesce(sum(value) FILTER (WHERE band = '${b}'), 0) AS ${b}_kwh`).join(
    ", ",
  );
  const shares = TOU_BANDS.map((b) => `${b}_kwh / NULLIF(total_kwh, 0) AS ${b}_share`).join(", ");
  const sql = `WITH banded AS (
  SELECT ${keys}value, ${touBandSql("ts", options.schedule)} AS band
  FROM ${energy.name} WHERE carrier = 'electricity' AND ${range.sql}
), sums AS (
  SELECT ${keys}${sums}, coalesce(sum(value), 0) AS total_kwh FROM banded${by.length > 0 ? ` GROUP BY ${by.join(", ")}` : ""}
)
SELECT ${keys}peak_kwh, flat_kwh, valley_kwh, total_kwh, ${shares} FROM sums${by.length > 0 ? ` ORDER BY ${by.join(", ")}` : ""}`;
  return { sql, params: range.params };
}
