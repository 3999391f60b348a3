import type { Carrier } from "@citybrain/datasets";
import { energy } from "@citybrain/datasets";
import type { Period } from "../kpi-common/period.ts";
import { periodDays } from "../kpi-common/period.ts";
import { timestampInPeriodSql } from "../kpi-common/shanghai-sql.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import { DEFAULT_TCE_COEFFICIENTS, tceSql } from "./coefficients.ts";
import type { EnergyReading } from "./energy-measure.ts";
import { tceTonnes } from "./tce.ts";

/** 重点用能单位 classes: ≥ key tce/yr is key; designated..key may be designated; else other. */
export type KeyUnitClass = "key" | "designated" | "other";

/** Annual tce thresholds of the classes (DOMAIN.md: 10,000 and 5,000). */
export interface KeyUnitThresholds {
  readonly key: number;
  readonly designated: number;
}

/** 10,000 tce/yr key; 5,000 tce/yr may be designated (DOMAIN.md). */
export const KEY_UNIT_THRESHOLDS: KeyUnitThresholds = { key: 10_000, designated: 5_000 };

/** Class of an enterprise by its annual tce. */
export function keyUnitClass(annualTce: number, t: KeyUnitThresholds = KEY_UNIT_THRESHOLDS): KeyUnitClass {
  return annualTce >= t.key ? "key" : annualTce >= t.designated ? "designated" : "other";
}

/** Options of the key-energy-unit ranking. */
export interface KeyUnitOptions {
  readonly period: Period;
  readonly thresholds?: KeyUnitThresholds;
  readonly coefficients?: Readonly<Record<Carrier, number>>;
  /**
   * How a period's tce becomes a yearly figure: `period-days` (default) multiplies by
   * daysPerYear / days in the period, so a quarter counts × 365/90; `none` takes the period's
   * tce as the year's (use for a full calendar year).
   */
  readonly annualise?: "period-days" | "none";
  /** Default 365. */
  readonly daysPerYear?: number;
}

/** One enterprise in the ranking. */
export interface KeyUnitRow {
  readonly enterprise_id: string;
  readonly tce: number;
  /** Multiplier from the period's tce to annual tce. */
  readonly factor: number;
  readonly annual_tce: number;
  readonly class: KeyUnitClass;
  /** 1 = largest annual tce; ties broken by enterprise id. */
  readonly rank: number;
}

/** The annualisation multiplier of a period. */
export function annualisationFactor(options: KeyUnitOptions): number {
  if ((options.annualise ?? "period-days") === "none") return 1;
  return (options.daysPerYear ?? 365) / periodDays(options.period);
}

/** Ranks enterprises by annualised tce over the period (TS twin of {@link keyEnergyUnitsSql}). */
export function rankKeyEnergyUnits(
  readings: readonly EnergyReading[],
  options: KeyUnitOptions,
): KeyUnitRow[] {
  const factor = annualisationFactor(options);
  const from = Date.parse(`${options.period.start}T00:00:00+08:00`);
  const to = Date.parse(`${options.period.end}T00:00:00+08:00`);
  const tce = new Map<string, number>();
  for (const r of readings) {
    const t = typeof r.ts === "number" ? r.ts : new Date(r.ts).getTime();
    if (t < from || t >= to) continue;
    const add = tceTonnes(r.carrier, r.value, options.coefficients ?? DEFAULT_TCE_COEFFICIENTS);
    tce.set(r.enterprise_id, (tce.get(r.enterprise_id) ?? 0) + add);
  }
  return [...tce.entries()]
    .map(([enterprise_id, v]) => ({ enterprise_id, tce: v, annual_tce: v * factor }))
    .sort((a, b) => b.annual_tce - a.annual_tce || (a.enterprise_id < b.enterprise_id ? -1 : 1))
    .map((r, i) => ({ ...r, factor, class: keyUnitClass(r.annual_tce, options.thresholds), rank: i + 1 }));
}

/**
 * Enterprises ranked by annualised tce over the period. Columns: rank, enterprise_id,
 * industry, town_code, tce, factor, annual_tce, class ('key' | 'designated' | 'other').
 */
export function keyEnergyUnitsSql(options: KeyUnitOptions): SqlQuery {
  const t = options.thresholds ?? KEY_UNIT_THRESHOLDS;
  const range = timestampInPeriodSql("ts", options.period);
  const sql = `WITH totals AS (
  SELECT enterprise_id, min(industry) AS industry, min(town_code) AS town_code,
    sum(${tceSql("carrier", "value", options.coefficients ?? DEFAULT_TCE_COEFFICIENTS)}) AS tce
  FROM ${energy.name} WHERE ${range.sql} GROUP BY enterprise_id
), annual AS (
  SELECT *, CAST(? AS DOUBLE) AS factor, tce * CAST(? AS DOUBLE) AS annual_tce FROM totals
)
SELECT CAST(row_number() OVER (ORDER BY annual_tce DESC, enterprise_id) AS INTEGER) AS rank,
  enterprise_id, industry, town_code, tce, factor, annual_tce,
  CASE WHEN annual_tce >= ? THEN 'key' WHEN annual_tce >= ? THEN 'designated' ELSE 'other' END AS class
FROM annual ORDER BY rank`;
  const factor = annualisationFactor(options);
  return { sql, params: [...range.params, factor, factor, t.key, t.designated] };
}
