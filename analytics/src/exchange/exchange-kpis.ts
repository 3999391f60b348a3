import { exchange } from "@citybrain/datasets";
import type { Period } from "../kpi-common/period.ts";
import { checkPeriod } from "../kpi-common/period.ts";
import { dateInPeriodSql } from "../kpi-common/shanghai-sql.ts";
import type { SqlQuery } from "../kpi-common/sql-query.ts";
import type { SqlParam } from "../store/store.ts";

/** One `exchange` row (day × catalog item × consuming unit), as the TS functions take it. */
export interface ExchangeRow {
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  readonly day: string;
  readonly item_id: string;
  readonly provider_unit: string;
  readonly consumer_unit: string;
  readonly records: number;
  readonly calls: number;
}

/** Which side of the exchange a unit ranking counts. */
export type ExchangeRole = "provider" | "consumer";

/** A unit's exchange totals. */
export interface ExchangeUnitRow {
  readonly rank: number;
  readonly unit: string;
  readonly records: number;
  readonly calls: number;
  /** Distinct catalog items the unit provided / consumed. */
  readonly items: number;
}

const column = (role: ExchangeRole): string => {
  if (role !== "provider" && role !== "consumer")
    throw new Error(`exchange role: expected provider or consumer, got ${JSON.stringify(role)}`);
  return role === "provider" ? "provider_unit" : "consumer_unit";
};

function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    throw new Error(`exchange limit: expected a positive integer, got ${limit}`);
}

/**
 * Units ranked by records exchanged over the period (top providers or consumers). Ties go to
 * the unit id. Columns: rank, unit, records, calls, items.
 */
export function exchangeUnitsSql(options: {
  readonly period: Period;
  readonly role: ExchangeRole;
  readonly limit?: number;
}): SqlQuery {
  const unit = column(options.role);
  checkLimit(options.limit);
  const range = dateInPeriodSql("day", options.period);
  const params: SqlParam[] = [...range.params];
  if (options.limit !== undefined) params.push(options.limit);
  const sql = `SELECT CAST(row_number() OVER (ORDER BY sum(records) DESC, ${unit}) AS INTEGER) AS rank, ${unit} AS unit,
  sum(records) AS records, sum(calls) AS calls, count(DISTINCT item_id) AS items
FROM ${exchange.name} WHERE ${range.sql}
GROUP BY ${unit} ORDER BY rank${options.limit !== undefined ? " LIMIT ?" : ""}`;
  return { sql, params };
}

/** TS twin of {@link exchangeUnitsSql}. */
export function exchangeUnits(
  rows: readonly ExchangeRow[],
  period: Period,
  role: ExchangeRole,
  limit?: number,
): ExchangeUnitRow[] {
  checkPeriod(period);
  column(role);
  checkLimit(limit);
  const units = new Map<string, { records: number; calls: number; items: Set<string> }>();
  for (const r of rows) {
    if (r.day < period.start || r.day >= period.end) continue;
    const key = role === "provider" ? r.provider_unit : r.consumer_unit;
    const u = units.get(key) ?? { records: 0, calls: 0, items: new Set<string>() };
    u.records += r.records;
    u.calls += r.calls;
    u.items.add(r.item_id);
    units.set(key, u);
  }
  const ranked = [...units.entries()]
    .sort((a, b) => b[1].records - a[1].records || (a[0] < b[0] ? -1 : 1))
    .map(([unit, u], i) => ({ rank: i + 1, unit, records: u.records, calls: u.calls, items: u.items.size }));
  return limit === undefined ? ranked : ranked.slice(0, limit);
}

/**
 * Records per catalog item over the period. Columns: item_id, provider_unit, records, calls,
 * consumers (distinct consuming units); most records first.
 */
export function exchangeItemsSql(options: { readonly period: Period; readonly limit?: number }): SqlQuery {
  checkLimit(options.limit);
  const range = dateInPeriodSql("day", options.period);
  const params: SqlParam[] = [...range.params];
  if (options.limit !== undefined) params.push(options.limit);
  const sql = `SELECT item_id, min(provider_unit) AS provider_unit, sum(records) AS records, sum(calls) AS calls,
  count(DISTINCT consumer_unit) AS consumers
FROM ${exchange.name} WHERE ${range.sql}
GROUP BY item_id ORDER BY records DESC, item_id${options.limit !== undefined ? " LIMIT ?" : ""}`;
  return { sql, params };
}

/** Platform totals over the period. Columns: records, calls, items, providers, consumers. */
export function exchangeTotalsSql(options: { readonly period: Period }): SqlQuery {
  const range = dateInPeriodSql("day", options.period);
  return {
    sql: `SELECT coalesce(sum(records), 0) AS records, coalesce(sum(calls), 0) AS calls, count(DISTINCT item_id) AS items,
  count(DISTINCT provider_unit) AS providers, count(DISTINCT consumer_unit) AS consumers
FROM ${exchange.name} WHERE ${range.sql}`,
    params: range.params,
  };
}
