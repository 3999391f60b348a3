import type { TimeInput } from "../kpi-common/local-time.ts";
import { localDayOf, localHourOf } from "../kpi-common/local-time.ts";
import { mean } from "../kpi-common/stats.ts";
import type { DailyAirInput } from "./aqi.ts";

/** One hourly row of the `air` stream (only the fields the AQI needs). */
export interface AirHourRow {
  /** Start of the hour (UTC). */
  readonly ts: TimeInput;
  readonly station_id: string;
  readonly pm25: number | null;
  readonly pm10: number | null;
  readonly so2: number | null;
  readonly no2: number | null;
  readonly co: number | null;
  readonly o3: number | null;
}

/**
 * Data-validity minima (GB 3095-2012 §8): a 24 h mean needs ≥ 20 hourly values, an 8 h moving
 * mean ≥ 6, and the O3 daily max 8 h ≥ 14 valid 8 h means. Below them the value is null.
 */
export interface DailyValidity {
  readonly minHours24h: number;
  readonly minHours8h: number;
  readonly minWindows8h: number;
}

/** The GB 3095-2012 validity minima. */
export const GB3095_VALIDITY: DailyValidity = { minHours24h: 20, minHours8h: 6, minWindows8h: 14 };

/** Daily concentrations of one station on one Asia/Shanghai day. */
export interface DailyAirConcentrations extends DailyAirInput {
  readonly station_id: string;
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  readonly day: string;
  /** Hourly rows seen that day. */
  readonly hours: number;
}

/**
 * 8 h windows of a day start at local hours 0…16, so they end 08:00…24:00 as HJ 663 counts
 * them (hour labels there are end times; our `ts` is the start of the hour).
 */
export const O3_WINDOW_STARTS = 17;

const validMean = (values: (number | null)[], min: number): number | null => {
  const v = values.filter((x): x is number => x != null);
  return v.length >= min ? mean(v) : null;
};

function summariseDay(
  station: string,
  day: string,
  rows: AirHourRow[],
  k: DailyValidity,
): DailyAirConcentrations {
  const o3 = rows.map((r) => r.o3).filter((x): x is number => x != null);
  const windows: number[] = [];
  for (let s = 0; s < O3_WINDOW_STARTS; s++) {
    const inWindow = rows.filter((r) => {
      const h = localHourOf(r.ts);
      return h >= s && h <= s + 7;
    });
    const m = validMean(
      inWindow.map((r) => r.o3),
      k.minHours8h,
    );
    if (m != null) windows.push(m);
  }
  return {
    station_id: station,
    day,
    hours: rows.length,
    pm25: validMean(
      rows.map((r) => r.pm25),
      k.minHours24h,
    ),
    pm10: validMean(
      rows.map((r) => r.pm10),
      k.minHours24h,
    ),
    so2: validMean(
      rows.map((r) => r.so2),
      k.minHours24h,
    ),
    no2: validMean(
      rows.map((r) => r.no2),
      k.minHours24h,
    ),
    co: validMean(
      rows.map((r) => r.co),
      k.minHours24h,
    ),
    o3_8h: windows.length >= k.minWindows8h ? Math.max(...windows) : null,
    o3_1h: o3.length >= k.minHours24h ? Math.max(...o3) : null,
  };
}

/**
 * Daily concentrations per station and Asia/Shanghai day from hourly rows: 24 h means, the
 * O3 daily max 8 h moving mean and max 1 h, each null below the validity minima. Sorted by
 * station, then day. {@link dailyAqiSql} computes the same in DuckDB.
 */
export function dailyAirConcentrations(
  rows: readonly AirHourRow[],
  validity: DailyValidity = GB3095_VALIDITY,
): DailyAirConcentrations[] {
  const groups = new Map<string, AirHourRow[]>();
  for (const r of rows) {
    const key = `${r.station_id}\u0000${localDayOf(r.ts)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, rs]) => {
      const [station, day] = key.split("\u0000") as [string, string];
      return summariseDay(station, day, rs, validity);
    });
}
