import { toEpochMs } from "../kpi-common/local-time.ts";
import { mean } from "../kpi-common/stats.ts";
import type { AqiOptions, AqiResult } from "./aqi.ts";
import { hourlyAqi } from "./aqi.ts";
import type { AirHourRow } from "./daily-concentrations.ts";

const HOUR_MS = 3_600_000;

/** One station-hour with its hourly AQI. */
export interface HourlyAqiRow {
  readonly station_id: string;
  /** Epoch ms (UTC) of the start of the hour. */
  readonly ts: number;
  /** Mean SO2 of the 24 hours ending with this one (any hours present), for the > 800 rule. */
  readonly so2_24h: number | null;
  readonly result: AqiResult;
}

/**
 * Hourly AQI of every row, with the trailing 24 h SO2 mean each needs when its 1 h SO2
 * exceeds 800 µg/m³. Sorted by station, then time. {@link hourlyAqiSql} computes the same.
 */
export function hourlyAqiSeries(rows: readonly AirHourRow[], options: AqiOptions = {}): HourlyAqiRow[] {
  const byStation = new Map<string, { ts: number; row: AirHourRow }[]>();
  for (const row of rows) {
    byStation.set(row.station_id, [...(byStation.get(row.station_id) ?? []), { ts: toEpochMs(row.ts), row }]);
  }
  const out: HourlyAqiRow[] = [];
  for (const station of [...byStation.keys()].sort()) {
    const list = (byStation.get(station) ?? []).sort((a, b) => a.ts - b.ts);
    for (const { ts, row } of list) {
      const window = list.filter((x) => x.ts > ts - 24 * HOUR_MS && x.ts <= ts && x.row.so2 != null);
      const so2_24h = mean(window.map((x) => x.row.so2 as number));
      out.push({ station_id: station, ts, so2_24h, result: hourlyAqi({ ...row, so2_24h }, options) });
    }
  }
  return out;
}
