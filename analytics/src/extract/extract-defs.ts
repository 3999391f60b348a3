import type { StreamName } from "@citybrain/datasets";
import { airDailyAqi, airLatest } from "./air-extracts.ts";
import { energyDailyEnterprise, energyHourlyEnterprise, energyHourlyTown } from "./energy-extracts.ts";
import { alertsRecent, casesDaily, creditMonthly, exchangeDaily } from "./governance-extracts.ts";
import { keyEnergyUnits } from "./key-energy-units-extract.ts";
import { septicHourly, septicStatus } from "./septic-extracts.ts";
import { SITES_TABLE_SQL } from "./sites-table.ts";
import { sitesExtract } from "./sites-extract.ts";
import { trafficCongestion, trafficHourly } from "./traffic-extracts.ts";

/**
 * How a screen should treat an extract: `first-paint` ones are small (≤ ~100k rows at the
 * full preset) and loaded up front; `drill-down` ones are loaded when a panel asks for them.
 */
export type ExtractRole = "first-paint" | "drill-down";

/** A named extract: a query over the store published as an Arrow IPC stream file. */
export interface ExtractDef {
  readonly name: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** SQL over the store's tables; no client input ever reaches it. */
  readonly sql: string;
  /** Column holding the extract's time (DATE or TIMESTAMP), for the manifest's time range. */
  readonly timeColumn?: string;
  /**
   * Streams whose rows the extract reads. `publishExtracts(…, { changedStreams })` reuses the
   * previous files of an extract none of whose streams changed; `[]` means reference tables
   * only. Absent: always recomputed.
   */
  readonly streams?: readonly StreamName[];
  /**
   * `month`: one file per Asia/Shanghai calendar month of `timeColumn` (`<name>-YYYY-MM.arrows`),
   * listed in the manifest entry's `parts`. A month's rows must depend only on source rows of
   * that month (no "last N days" windows), so that unchanged months can be reused.
   */
  readonly partitionBy?: "month";
  /**
   * `day`: the extract is day-local — a row depends only on source rows of the same
   * Asia/Shanghai day as its `timeColumn`, and rows are ordered by `timeColumn` first. A
   * republish with changed ranges then recomputes only the touched days and splices their rows
   * into the previous file (or month part) between the other days' rows, which are not
   * recomputed. "Last N days" windows are not day-local.
   */
  readonly incremental?: "day";
  /** Default `first-paint`. */
  readonly role?: ExtractRole;
}

/** Asia/Shanghai calendar day of a UTC timestamp column. */
export const shanghaiDay = (col: string) => `CAST(${col} + INTERVAL 8 HOUR AS DATE)`;

/** Daily energy by town × carrier, with tonnes of standard coal. Drives the overview screen. */
export const energyDailyTown: ExtractDef = {
  name: "energy_daily_town",
  title: { zh: "分镇街分品种日能耗", en: "Daily energy by town and carrier" },
  timeColumn: "day",
  streams: ["energy"],
  incremental: "day",
  // From the day rollup (kept incrementally; tce computed per meter-hour there), not the raw
  // 15-minute table: the same sums, at the full preset ~30× fewer rows to read.
  sql: `SELECT r.day, r.town_code, coalesce(t.name, r.town_code) AS town_name,
      r.carrier, sum(r.value) AS value, sum(r.tce) AS tce
    FROM rollup_energy_day r LEFT JOIN towns t ON t.code = r.town_code
    GROUP BY ALL ORDER BY r.day, r.town_code, r.carrier`,
};

/**
 * The extracts published by default, `energy_daily_town` first. See docs/extracts.md for each
 * one's columns, grain, size and the panels that read it.
 */
export const DEFAULT_EXTRACTS: readonly ExtractDef[] = [
  energyDailyTown,
  energyDailyEnterprise,
  energyHourlyTown,
  energyHourlyEnterprise,
  keyEnergyUnits,
  trafficHourly,
  trafficCongestion,
  septicStatus,
  septicHourly,
  airDailyAqi,
  airLatest,
  casesDaily,
  creditMonthly,
  exchangeDaily,
  alertsRecent,
  sitesExtract,
];

/**
 * SQL that (re)creates a view per extract, so server-side queries can name extracts like the
 * screen does. It first creates the `sites` table if missing, since extracts join it.
 */
export function extractViewSql(def: ExtractDef): string {
  return `${SITES_TABLE_SQL};\nCREATE OR REPLACE VIEW "${def.name}" AS ${def.sql}`;
}
