import { safeIdentifier } from "../kpi-common/identifier.ts";
import { dateInPeriodSql } from "../kpi-common/shanghai-sql.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import { safeRatio } from "../kpi-common/stats.ts";
import type { EnergyDimension } from "./energy-measure.ts";
import type { EnergyTotalOptions } from "./energy-comparison.ts";
import { energyTotalSql } from "./energy-comparison.ts";

/**
 * A table of output or GDP to divide energy by: one row per month (and per key when grouped),
 * value in the denominator's unit (e.g. 10,000 yuan: 万元).
 */
export interface IntensityDenominator {
  /** Table name (snake_case). */
  readonly table: string;
  /** Column matching the energy grouping column, e.g. `town_code`; omit for district totals. */
  readonly keyColumn?: string;
  /** DATE column: first day of the month the value belongs to. Default `month`. */
  readonly monthColumn?: string;
  /** Column holding the value. Default `value`. */
  readonly valueColumn?: string;
}

/** Energy per unit of output: null when the output is missing or 0. */
export function energyIntensity(
  energy: number | null | undefined,
  output: number | null | undefined,
): number | null {
  return safeRatio(energy, output);
}

/** Options of {@link energyIntensitySql}. */
export interface EnergyIntensityOptions extends Omit<EnergyTotalOptions, "by"> {
  /** Energy grouping column that `denominator.keyColumn` matches; omit for district totals. */
  readonly by?: EnergyDimension;
  readonly denominator: IntensityDenominator;
}

/**
 * Energy intensity over a period: energy (tce by default) / the sum of the denominator's
 * months whose first day lies in the period. Columns: the `by` column, energy, output,
 * intensity (NULL when output is missing or 0).
 */
export function energyIntensitySql(options: EnergyIntensityOptions): SqlQuery {
  const d = options.denominator;
  if ((options.by === undefined) !== (d.keyColumn === undefined)) {
    throw new Error("energy intensity: give both `by` and `denominator.keyColumn`, or neither");
  }
  const table = safeIdentifier(d.table, "denominator.table");
  const month = safeIdentifier(d.monthColumn ?? "month", "denominator.monthColumn");
  const value = safeIdentifier(d.valueColumn ?? "value", "denominator.valueColumn");
  const num = energyTotalSql({ ...options, by: options.by === undefined ? [] : [options.by] });
  const months = dateInPeriodSql(month, options.period);
  const k = options.by;
  if (k === undefined) {
    return {
      sql: `WITH num AS (${num.sql}), den AS (SELECT sum(${value}) AS output FROM ${table} WHERE ${months.sql})
SELECT num.value AS energy, den.output, num.value / NULLIF(den.output, 0) AS intensity FROM num, den`,
      params: [...num.params, ...months.params],
    };
  }
  const key = safeIdentifier(d.keyColumn ?? "", "denominator.keyColumn");
  return {
    sql: `WITH num AS (${num.sql}),
den AS (SELECT ${key} AS ${k}, sum(${value}) AS output FROM ${table} WHERE ${months.sql} GROUP BY ${key})
SELECT coalesce(num.${k}, den.${k}) AS ${k}, num.value AS energy, den.output,
  num.value / NULLIF(den.output, 0) AS intensity
FROM num FULL OUTER JOIN den ON num.${k} = den.${k} ORDER BY 1`,
    params: [...num.params, ...months.params],
  };
}
