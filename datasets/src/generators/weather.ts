/**
 * A seeded daily weather series for Tongnan. Monthly normals are approximations of the
 * 1991–2020 climate of the Suining–Hechuan–Tongnan area (hot, humid summers with ~34 °C mean
 * highs; mild, overcast winters; ~1,000 mm of rain, most of it May–September); the day-to-day
 * weather is invented: AR(1) temperature anomalies, a two-state rain chain, summer heat waves
 * and winter stagnation (temperature inversion) episodes that the air-quality model turns into
 * PM2.5 episodes. The series depends only on the seed and the day, not on the span requested.
 */
import { rngFor } from "./random.ts";
import { dateOfDay, dayOfDate, dayOfYear, monthOfDay } from "./time.ts";

const TMAX = [10.5, 13.5, 18.5, 24, 27.5, 30, 33.5, 34, 28.5, 22.5, 17, 11.5];
const TMIN = [5, 7, 10.5, 15, 19, 22, 24.5, 24, 20.5, 16, 11, 6.5];
const RAIN_MM = [18, 22, 40, 80, 130, 170, 170, 140, 130, 80, 40, 20];
const RAIN_DAYS = [9, 9, 11, 13, 15, 15, 12, 10, 14, 15, 11, 9];
const WIND_MS = [1.1, 1.3, 1.6, 1.7, 1.6, 1.5, 1.6, 1.6, 1.3, 1.2, 1.1, 1.0];
const MONTH_DAYS = [31, 28.25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Simulation starts here so a day's weather is the same whichever span asks for it. */
const ORIGIN_DAY = dayOfDate("2020-01-01");

/** Daily weather for consecutive local days starting at `firstDay`. */
export interface DailyWeather {
  readonly firstDay: number;
  readonly days: number;
  /** Daily maximum, minimum and mean air temperature, °C. */
  readonly tmax: Float64Array;
  readonly tmin: Float64Array;
  readonly tmean: Float64Array;
  /** Precipitation, mm/day. */
  readonly rainMm: Float64Array;
  /** Mean wind speed, m/s. */
  readonly windMs: Float64Array;
  /** Stagnation (inversion, calm, dry) index: 0 none … 1 a mature winter episode. */
  readonly stagnation: Float64Array;
}

/** Climate normal of a monthly table at a day, interpolated between mid-months. */
function normal(table: readonly number[], day: number): number {
  const doy = dayOfYear(day);
  const pos = (doy - 15) / 30.44; // month index of the mid-month before or at this day
  const m0 = Math.floor(pos);
  const f = pos - m0;
  const a = table[(m0 + 12) % 12] as number;
  const b = table[(m0 + 13) % 12] as number;
  return a + (b - a) * f;
}

/**
 * Seeded daily weather for `days` local days from `firstDay` (a day index, see time.ts).
 * @example
 * const w = dailyWeather(42, dayOfDate("2026-07-01"), 31); // w.tmax[0] ≈ 33 °C
 */
export function dailyWeather(seed: number, firstDay: number, days: number): DailyWeather {
  const origin = Math.min(ORIGIN_DAY, firstDay - 30);
  const rng = rngFor(seed, "weather", dateOfDay(origin));
  const out: DailyWeather = {
    firstDay,
    days,
    tmax: new Float64Array(days),
    tmin: new Float64Array(days),
    tmean: new Float64Array(days),
    rainMm: new Float64Array(days),
    windMs: new Float64Array(days),
    stagnation: new Float64Array(days),
  };
  let anomaly = 0;
  let raining = false;
  let heatWave = 0;
  let stagnantDays = 0;
  let stagnantLeft = 0;
  for (let day = origin; day < firstDay + days; day++) {
    const month = monthOfDay(day);
    const winter = month >= 10 || month <= 1;
    const pRain = normal(RAIN_DAYS, day) / (MONTH_DAYS[month] as number);
    // Two-state chain with persistence: P(rain | rain) = 0.6, stationary share = pRain.
    const pWetAfterDry = Math.min(0.95, (0.4 * pRain) / (1 - pRain));
    raining = stagnantLeft > 0 ? rng.chance(0.05) : rng.chance(raining ? 0.6 : pWetAfterDry);
    const rain = raining ? rng.exponential(normal(RAIN_MM, day) / normal(RAIN_DAYS, day)) : 0;
    anomaly = 0.75 * anomaly + (winter ? 1.6 : 1.4) * rng.normal();
    if (heatWave === 0 && (month === 6 || month === 7) && rng.chance(0.04)) heatWave = 4 + rng.int(8);
    const heat = heatWave > 0 ? 3 : 0;
    if (heatWave > 0) heatWave--;
    if (stagnantLeft === 0 && winter && !raining && rng.chance(0.09)) stagnantLeft = 3 + rng.int(6);
    const stagnant = stagnantLeft > 0;
    stagnantDays = stagnant ? stagnantDays + 1 : 0;
    if (stagnant) stagnantLeft--;
    const wind =
      normal(WIND_MS, day) * Math.exp(0.35 * rng.normal()) * (raining ? 1.3 : 1) * (stagnant ? 0.5 : 1);
    const i = day - firstDay;
    if (i < 0) continue;
    const tmax = normal(TMAX, day) + anomaly + heat - (rain > 5 ? 3 : rain > 0 ? 1.5 : 0);
    const tmin = normal(TMIN, day) + 0.8 * anomaly + 0.5 * heat;
    out.tmax[i] = Math.round(Math.min(41, tmax) * 10) / 10;
    out.tmin[i] = Math.round(Math.min(tmin, tmax - 2) * 10) / 10;
    out.tmean[i] = ((out.tmax[i] as number) + (out.tmin[i] as number)) / 2;
    out.rainMm[i] = Math.round(rain * 10) / 10;
    out.windMs[i] = Math.round(wind * 10) / 10;
    out.stagnation[i] = stagnant ? Math.min(1, 0.25 + 0.2 * stagnantDays) : 0;
  }
  return out;
}

/**
 * Air temperature at a local hour of a day of the series: coolest near 06:00, warmest near 15:00.
 * @param hour local hour with fraction, 0–24.
 */
export function temperatureAt(w: DailyWeather, day: number, hour: number): number {
  const i = Math.min(w.days - 1, Math.max(0, day - w.firstDay));
  const tmax = w.tmax[i] as number;
  const tmin = w.tmin[i] as number;
  const phase = hour >= 6 && hour < 15 ? (hour - 6) / 9 : 1 - ((hour + 24 - 15) % 24) / 15;
  return tmin + (tmax - tmin) * (0.5 - 0.5 * Math.cos(Math.PI * phase));
}
