import { tceSql } from "../energy/coefficients.ts";

/** A named extract: a query over the store published as an Arrow IPC stream file. */
export interface ExtractDef {
  readonly name: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** SQL over the store's tables; no client input ever reaches it. */
  readonly sql: string;
  /** Column holding the extract's time (DATE or TIMESTAMP), for the manifest's time range. */
  readonly timeColumn?: string;
}

/** Asia/Shanghai calendar day of a UTC timestamp column. */
export const shanghaiDay = (col: string) => `CAST(${col} + INTERVAL 8 HOUR AS DATE)`;

/** Daily energy by town × carrier, with tonnes of standard coal. Drives the overview screen. */
export const energyDailyTown: ExtractDef = {
  name: "energy_daily_town",
  title: { zh: "分镇街分品种日能耗", en: "Daily energy by town and carrier" },
  timeColumn: "day",
  sql: `SELECT ${shanghaiDay("e.ts")} AS day, e.town_code, coalesce(t.name, e.town_code) AS town_name,
      e.carrier, sum(e.value) AS value, sum(${tceSql("e.carrier", "e.value")}) AS tce
    FROM energy e LEFT JOIN towns t ON t.code = e.town_code
    GROUP BY ALL ORDER BY day, e.town_code, e.carrier`,
};

/** The extracts published by default. */
export const DEFAULT_EXTRACTS: readonly ExtractDef[] = [energyDailyTown];

/** SQL that (re)creates a view per extract, so server-side queries can name extracts like the screen does. */
export function extractViewSql(def: ExtractDef): string {
  return `CREATE OR REPLACE VIEW "${def.name}" AS ${def.sql}`;
}
