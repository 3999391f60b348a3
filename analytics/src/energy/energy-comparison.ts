import type { Carrier } from "@citybrain/datasets";
import { energy } from "@citybrain/datasets";
import type { ComparisonKind } from "../kpi-common/period-comparison.ts";
import { comparePeriodsSql } from "../kpi-common/period-comparison.ts";
import type { Period } from "../kpi-common/period.ts";
import { timestampInPeriodSql } from "../kpi-common/shanghai-sql.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import type { SqlParam } from "../store/store.ts";
import type { EnergyDimension, EnergyUnits } from "./energy-measure.ts";
import { checkEnergyDimensions, energyMeasureSql } from "./energy-measure.ts";

/** Options of {@link energyTotalSql} and {@link energyComparisonSql}. */
export interface EnergyTotalOptions extends EnergyUnits {
  readonly period: Period;
  readonly by?: readonly EnergyDimension[];
  /** Only this carrier; required for the `native` measure (units do not add up across carriers). */
  readonly carrier?: Carrier;
}

/**
 * Total energy of a period in the measure (tce by default), grouped by `by`. Columns: the
 * `by` columns and `value`.
 */
export function energyTotalSql(options: EnergyTotalOptions): SqlQuery {
  const by = checkEnergyDimensions(options.by ?? []);
  if ((options.measure ?? "tce") === "native" && options.carrier === undefined) {
    throw new Error('energy measure "native": choose a carrier (kWh, t, m³ and L do not add up)');
  }
  const range = timestampInPeriodSql("ts", options.period);
  const params: SqlParam[] = [...range.params];
  let where = range.sql;
  if (options.carrier !== undefined) {
    where += " AND carrier = ?";
    params.push(options.carrier);
  }
  const keys = by.map((d) => `${d}, `).join("");
  const group = by.length > 0 ? ` GROUP BY ${by.join(", ")}` : "";
  return {
    sql: `SELECT ${keys}sum(${energyMeasureSql(options)}) AS value FROM ${energy.name} WHERE ${where}${group}`,
    params,
  };
}

/**
 * Energy of a period against its comparison period (同比 `yoy`, 环比 `mom`, or the
 * `previous` span). Columns: the `by` columns, current, base, change, change_rate (NULL when
 * the base is missing or 0), base_start, base_end.
 */
export function energyComparisonSql(
  options: EnergyTotalOptions & { readonly comparison: ComparisonKind },
): SqlQuery {
  return comparePeriodsSql({
    period: options.period,
    kind: options.comparison,
    keys: checkEnergyDimensions(options.by ?? []),
    aggregate: (period) => energyTotalSql({ ...options, period }),
  });
}
