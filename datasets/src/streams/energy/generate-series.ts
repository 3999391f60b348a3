/**
 * One meter's series: the profile's quarter-hour shape for each day type, scaled by the
 * enterprise's size, its industry season, the Spring Festival trough and the weather, with a
 * day-to-day AR(1) wobble and interval noise. Tight loop over a Float64Array, no allocation.
 */
import type { Carrier } from "../index.ts";
import {
  SLOTS_PER_DAY,
  electricityWeatherFactor,
  gasWeatherFactor,
  loadShape,
  seasonalFactor,
  waterWeatherFactor,
  weeklyMean,
  type LoadProfile,
} from "../../generators/cycles.ts";
import { blockLabels } from "../../generators/live-anomalies.ts";
import { rngFor } from "../../generators/random.ts";
import type { RunDays } from "../../generators/run-days.ts";
import { localDay, localTimeOfDay } from "../../generators/time.ts";
import type { Meter } from "./generate-meters.ts";

const STEP = 15 * 60_000;
/** Interval-to-interval noise (relative sd) by carrier: oil is dispensed in lumps. */
const SIGMA: Readonly<Record<Carrier, number>> = { electricity: 0.05, water: 0.15, gas: 0.1, oil: 0.45 };

function weatherFactor(carrier: Carrier, profile: LoadProfile, tmean: number): number {
  if (carrier === "electricity") return electricityWeatherFactor(profile, tmean);
  if (carrier === "gas") return gasWeatherFactor(profile, tmean);
  if (carrier === "water") return waterWeatherFactor(tmean);
  return 1;
}

/**
 * Fills `out[i]` with the meter's consumption in the interval starting `start + i·15 min`.
 * `block` (a live day's index) seeds the noise by day, so each day of a live feed differs.
 */
export function fillMeterSeries(
  out: Float64Array,
  meter: Meter,
  seed: number,
  start: number,
  run: RunDays,
  block?: number,
): void {
  const rng = rngFor(seed, "energy", meter.id, ...blockLabels({ block }));
  const { profile, carrier } = meter;
  const { industry } = meter.enterprise;
  const shapes = [loadShape(profile, 0), loadShape(profile, 1), loadShape(profile, 2), loadShape(profile, 3)];
  const base = meter.mean / weeklyMean(profile);
  const sigma = SIGMA[carrier];
  const tmean = run.weather.tmean;
  let day = localDay(start);
  let slot = Math.floor(localTimeOfDay(start) / STEP);
  let ar = 0;
  let shape = shapes[0] as Float64Array;
  let level = 0;
  for (let i = 0; i < out.length; i++) {
    if (i === 0 || slot === SLOTS_PER_DAY) {
      if (slot === SLOTS_PER_DAY) {
        slot = 0;
        day++;
      }
      const d = Math.min(run.days - 1, day - run.firstDay);
      ar = 0.7 * ar + 0.71 * rng.normal();
      shape = shapes[run.dayType[d] as number] as Float64Array;
      level =
        base *
        seasonalFactor(industry, profile, day) *
        weatherFactor(carrier, profile, tmean[d] as number) *
        Math.exp(0.08 * ar);
    }
    const v = level * (shape[slot] as number) * (1 + sigma * rng.normal());
    out[i] = v > 0 ? Math.round(v * 1000) / 1000 : 0;
    slot++;
  }
}

/** Adds a constant leak flow from index `from` on (the leak's night baseline stays high). */
export function addLeak(out: Float64Array, from: number, extra: number): void {
  for (let i = Math.max(0, from); i < out.length; i++)
    out[i] = Math.round(((out[i] as number) + extra) * 1000) / 1000;
}
