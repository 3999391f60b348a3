/**
 * The district-wide part of air quality, shared by every station: a daily PM2.5 level from the
 * season (Chongqing winters bring PM2.5 episodes), winter stagnation, rain washout and wind,
 * and a daily photochemical (O3) amplitude from heat and sunshine.
 */
import { rngFor } from "../../generators/random.ts";
import type { RunDays } from "../../generators/run-days.ts";
import { dayOfYear } from "../../generators/time.ts";

/** Per run day: regional PM2.5 (µg/m³, station-neutral) and the afternoon O3 amplitude. */
export interface RegionalAir {
  readonly pm25: Float64Array;
  readonly o3Amplitude: Float64Array;
  readonly stagnation: Float64Array;
  readonly windMs: Float64Array;
}

/** Regional daily air-quality drivers for the days of a run. */
export function regionalAir(seed: number, run: RunDays): RegionalAir {
  const { weather } = run;
  // Day-to-day noise is smoothed over neighbouring days, each day seeded on its own, so a day's
  // air does not depend on the span a run covers.
  const z = (day: number) => rngFor(seed, "air", "day", day).normal();
  const pm25 = new Float64Array(run.days + 1);
  const o3Amplitude = new Float64Array(run.days + 1);
  for (let d = 0; d <= run.days; d++) {
    const day = run.firstDay + d;
    const ar = (z(day - 1) + 2 * z(day) + z(day + 1)) / Math.sqrt(6);
    const rng = rngFor(seed, "air", "o3", day);
    const i = Math.min(d, run.days - 1);
    const doy = dayOfYear(day);
    const season = 36 + 17 * Math.cos((2 * Math.PI * (doy - 15)) / 365);
    const rain = weather.rainMm[i] as number;
    const wash = rain > 10 ? 0.5 : rain > 2 ? 0.7 : rain > 0 ? 0.85 : 1;
    const wind = Math.pow(1.3 / Math.max(0.7, weather.windMs[i] as number), 0.25);
    pm25[d] = season * (1 + 0.9 * (weather.stagnation[i] as number)) * wash * wind * Math.exp(0.25 * ar);
    const sun = rain > 1 ? 0.45 : rain > 0 ? 0.75 : 1;
    o3Amplitude[d] = Math.max(0, (weather.tmax[i] as number) - 12) * 5 * sun * Math.exp(0.12 * rng.normal());
  }
  return { pm25, o3Amplitude, stagnation: weather.stagnation, windMs: weather.windMs };
}
