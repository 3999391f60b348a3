import type { AqiCategory } from "./aqi-categories.ts";
import { aqiCategory } from "./aqi-categories.ts";
import type { AqiStandardId } from "./aqi-standards.ts";
import { iaqi } from "./iaqi.ts";
import type { Pollutant } from "./pollutants.ts";
import { POLLUTANTS } from "./pollutants.ts";

type Conc = number | null | undefined;

/** An AQI with the IAQI of each pollutant and what they mean. */
export interface AqiResult {
  /** Max IAQI over the pollutants that have one; null when none has. */
  readonly aqi: number | null;
  readonly iaqi: Readonly<Record<Pollutant, number | null>>;
  /** Pollutants whose IAQI equals the AQI (all of a tie), only when AQI > 50 (HJ 633 §3.6). */
  readonly primaryPollutants: readonly Pollutant[];
  /** Pollutants whose IAQI exceeds 100 (超标污染物, HJ 633 §3.7). */
  readonly exceedingPollutants: readonly Pollutant[];
  readonly category: AqiCategory | null;
}

/**
 * Combines per-pollutant IAQIs into an AQI, its category, primary and exceeding pollutants.
 * @example aqiFromIaqi({ pm25: 107, pm10: 107, so2: 9, no2: 30, co: 20, o3: 60 }).primaryPollutants // ["pm25", "pm10"]
 */
export function aqiFromIaqi(values: Readonly<Record<Pollutant, number | null>>): AqiResult {
  const present = POLLUTANTS.filter((p) => values[p] != null);
  const aqi = present.length === 0 ? null : Math.max(...present.map((p) => values[p] as number));
  return {
    aqi,
    iaqi: values,
    primaryPollutants: aqi != null && aqi > 50 ? present.filter((p) => values[p] === aqi) : [],
    exceedingPollutants: present.filter((p) => (values[p] as number) > 100),
    category: aqiCategory(aqi),
  };
}

/** Hourly means of one station-hour (µg/m³; CO mg/m³). */
export interface HourlyAirInput {
  /** PM has no 1 h breakpoints: the value given is read against the 24 h table. */
  readonly pm25?: Conc;
  readonly pm10?: Conc;
  readonly so2?: Conc;
  readonly no2?: Conc;
  readonly co?: Conc;
  readonly o3?: Conc;
  /**
   * 24 h mean SO2 ending this hour, used when SO2 1 h exceeds 800 (HJ 633 Table 1 note 2).
   * When absent the hourly value itself is read against the 24 h table.
   */
  readonly so2_24h?: Conc;
}

/** Options shared by the AQI functions. */
export interface AqiOptions {
  /** Breakpoint standard; `hj633-2012` by default. */
  readonly standard?: AqiStandardId;
}

/**
 * Hourly (real-time) AQI from 1 h means: SO2, NO2, CO and O3 against their 1 h tables, PM2.5
 * and PM10 against the 24 h tables; SO2 above 800 µg/m³ falls back to its 24 h table.
 */
export function hourlyAqi(input: HourlyAirInput, options: AqiOptions = {}): AqiResult {
  const std = options.standard;
  const so2 =
    input.so2 != null && input.so2 > 800
      ? iaqi("so2_24h", input.so2_24h ?? input.so2, std)
      : iaqi("so2_1h", input.so2, std);
  return aqiFromIaqi({
    pm25: iaqi("pm25_24h", input.pm25, std),
    pm10: iaqi("pm10_24h", input.pm10, std),
    so2,
    no2: iaqi("no2_1h", input.no2, std),
    co: iaqi("co_1h", input.co, std),
    o3: iaqi("o3_1h", input.o3, std),
  });
}

/** The daily concentrations of one station-day (µg/m³; CO mg/m³). */
export interface DailyAirInput {
  /** 24 h means. */
  readonly pm25?: Conc;
  readonly pm10?: Conc;
  readonly so2?: Conc;
  readonly no2?: Conc;
  readonly co?: Conc;
  /** Daily maximum 8 h moving mean of O3. */
  readonly o3_8h?: Conc;
  /** Daily maximum 1 h mean of O3. */
  readonly o3_1h?: Conc;
}

/** Options of {@link dailyAqi}. */
export interface DailyAqiOptions extends AqiOptions {
  /**
   * Whether the O3 daily max 1 h counts in the daily AQI besides the max 8 h. HJ 633-2012 §5
   * lists seven daily indicators including both (default true); false uses O3 1 h only when
   * the 8 h value is above 800 µg/m³. Configurable until confirmed (docs/kpis.md).
   */
  readonly o3OneHourInDaily?: boolean;
}

/** The O3 IAQI of a day: the rule written once for TS; {@link dailyAqiSql} mirrors it. */
function dailyO3Iaqi(input: DailyAirInput, options: DailyAqiOptions): number | null {
  const std = options.standard;
  const eight = iaqi("o3_8h", input.o3_8h, std); // null above 800
  const one = iaqi("o3_1h", input.o3_1h, std);
  if (input.o3_8h != null && input.o3_8h > 800) return one;
  if (options.o3OneHourInDaily ?? true)
    return eight == null ? one : one == null ? eight : Math.max(eight, one);
  return eight;
}

/**
 * Daily AQI from 24 h means and the O3 daily maxima (HJ 633-2012 §5).
 * @example dailyAqi({ pm25: 80 }).aqi // 107
 */
export function dailyAqi(input: DailyAirInput, options: DailyAqiOptions = {}): AqiResult {
  const std = options.standard;
  return aqiFromIaqi({
    pm25: iaqi("pm25_24h", input.pm25, std),
    pm10: iaqi("pm10_24h", input.pm10, std),
    so2: iaqi("so2_24h", input.so2, std),
    no2: iaqi("no2_24h", input.no2, std),
    co: iaqi("co_24h", input.co, std),
    o3: dailyO3Iaqi(input, options),
  });
}
