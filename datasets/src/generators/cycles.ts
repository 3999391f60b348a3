/**
 * Diurnal, weekly and seasonal load shapes for energy meters, as precomputed tables of 96
 * quarter-hour slots (local time). Industry runs one-, two- or three-shift plateaus with weekend
 * dips and a Spring Festival trough; commerce peaks by day and in the evening; offices follow
 * office hours with a long lunch break; households peak in the evening. Weather adds a summer
 * cooling peak and a smaller winter peak.
 */
import type { Industry } from "../streams/index.ts";
import { dayKindOf, springFestivalFactorOfDay } from "./calendar.ts";
import { monthOfDay, weekday } from "./time.ts";

export const SLOTS_PER_DAY = 96;

/** The daily load profile of a meter. */
export type LoadProfile = "shift1" | "shift2" | "shift3" | "commercial" | "office" | "residential";

/** Day types a shape table has a row for: workday (makeup days included), Saturday, Sunday, holiday. */
export type DayType = 0 | 1 | 2 | 3;

/** The day type of a local day index. */
export function dayTypeOf(day: number): DayType {
  const kind = dayKindOf(day);
  if (kind === "holiday") return 3;
  if (kind === "weekend") return weekday(day) === 6 ? 1 : 2;
  return 0;
}

/** Smooth step from 0 to 1 around hour `at` with a half-width of `w` hours. */
function step(h: number, at: number, w = 0.5): number {
  return 1 / (1 + Math.exp(-(h - at) / (w / 3)));
}
const window = (h: number, from: number, to: number, w = 0.5) => step(h, from, w) - step(h, to, w);
const bump = (h: number, at: number, sd: number) => Math.exp(-0.5 * ((h - at) / sd) ** 2);

/** Night base and workday shape (relative to the plateau) of each profile at a local hour. */
const WORKDAY: Record<LoadProfile, { base: number; shape: (h: number) => number }> = {
  shift1: { base: 0.15, shape: (h) => window(h, 8, 17.5) - 0.4 * window(h, 12, 13, 0.2) },
  shift2: {
    base: 0.2,
    shape: (h) => window(h, 7.5, 23.5) - 0.15 * bump(h, 15.75, 0.3) - 0.2 * bump(h, 12, 0.4),
  },
  shift3: {
    base: 0.7,
    shape: (h) =>
      1 -
      0.3 * (bump(h, 0, 0.3) + bump(h, 8, 0.3) + bump(h, 16, 0.3) + bump(h, 24, 0.3)) -
      0.1 * window(h, 1, 6),
  },
  commercial: {
    base: 0.2,
    shape: (h) => 0.85 * window(h, 8.75, 22) + 0.15 * (bump(h, 14, 1.5) + bump(h, 19.5, 1.2)),
  },
  office: { base: 0.2, shape: (h) => window(h, 8.5, 17.75) - 0.45 * window(h, 12, 14, 0.3) },
  residential: {
    base: 0.3,
    shape: (h) => 0.35 * bump(h, 7.5, 0.8) + 0.3 * window(h, 11, 13.5) + bump(h, 20.5, 1.4),
  },
};

/** How much of the workday swing (above base) each profile keeps on Saturday, Sunday and holidays. */
const OFF_DAY: Record<LoadProfile, readonly [number, number, number]> = {
  shift1: [0.3, 0.05, 0.03],
  shift2: [0.75, 0.45, 0.35],
  shift3: [0.95, 0.9, 0.8],
  commercial: [1.12, 1.1, 1.2],
  office: [0.12, 0.08, 0.06],
  residential: [1.1, 1.1, 1.15],
};

const tables = new Map<LoadProfile, Float64Array[]>();

/**
 * The 96-slot shape of a profile on a day type, scaled so a workday's mean is 1.
 * Tables are built once and shared; do not modify them.
 */
export function loadShape(profile: LoadProfile, dayType: DayType): Float64Array {
  let rows = tables.get(profile);
  if (!rows) {
    const { base, shape } = WORKDAY[profile];
    const swing = Array.from({ length: SLOTS_PER_DAY }, (_, s) => Math.max(0, shape((s + 0.5) / 4)));
    const keep = [1, ...OFF_DAY[profile]];
    rows = keep.map((k) => Float64Array.from(swing, (v) => base + (1 - base) * k * v));
    const mean = (rows[0] as Float64Array).reduce((a, b) => a + b, 0) / SLOTS_PER_DAY;
    for (const r of rows) for (let s = 0; s < SLOTS_PER_DAY; s++) r[s] = (r[s] as number) / mean;
    tables.set(profile, rows);
  }
  return rows[dayType] as Float64Array;
}

/** The profile of an enterprise: industry by its shifts, commerce, and public units (offices or housing). */
export function profileOf(industry: Industry, shifts: number, residentialHint: boolean): LoadProfile {
  if (industry === "commercial") return "commercial";
  if (industry === "public") return residentialHint ? "residential" : "office";
  return shifts >= 3 ? "shift3" : shifts === 2 ? "shift2" : "shift1";
}

/** Monthly activity of an industry: lemon processing peaks with the Sep–Jan harvest, vegetables in winter and spring. */
const SEASON: Partial<Record<Industry, readonly number[]>> = {
  lemon: [1.3, 1.1, 0.8, 0.7, 0.65, 0.65, 0.7, 0.8, 1.2, 1.45, 1.45, 1.4],
  vegetable: [1.15, 1.1, 1.15, 1.1, 1, 0.9, 0.85, 0.85, 0.9, 1, 1.05, 1.1],
  building: [0.85, 0.7, 1, 1.05, 1.05, 0.95, 0.9, 0.95, 1.05, 1.1, 1.1, 1.05],
};

/**
 * Day-level multiplier of an enterprise's load: industry season and the Spring Festival
 * trough (continuous processes feel it less; households use more while people are home).
 */
export function seasonalFactor(industry: Industry, profile: LoadProfile, day: number): number {
  const season = SEASON[industry]?.[monthOfDay(day)] ?? 1;
  const sf = springFestivalFactorOfDay(day);
  switch (profile) {
    case "shift1":
    case "shift2":
      return season * sf;
    case "shift3":
      return season * (1 - 0.5 * (1 - sf));
    case "residential":
      return 1 + 0.2 * (1 - sf);
    default:
      return season * (1 - 0.3 * (1 - sf));
  }
}

/** Cooling (above 22 °C daily mean) and heating (below 10 °C) sensitivity of electricity use by profile. */
const WEATHER: Record<LoadProfile, readonly [number, number]> = {
  shift1: [0.15, 0.05],
  shift2: [0.15, 0.05],
  shift3: [0.1, 0.03],
  commercial: [0.6, 0.2],
  office: [0.6, 0.25],
  residential: [0.5, 0.3],
};

/** Electricity multiplier of a daily mean temperature: the summer cooling peak and a smaller winter one. */
export function electricityWeatherFactor(profile: LoadProfile, tmean: number): number {
  const [cool, heat] = WEATHER[profile];
  return 1 + (cool * Math.max(0, tmean - 22)) / 10 + (heat * Math.max(0, 10 - tmean)) / 10;
}

/** Gas multiplier: space and water heating in cold weather for commerce, offices and homes. */
export function gasWeatherFactor(profile: LoadProfile, tmean: number): number {
  const industrial = profile === "shift1" || profile === "shift2" || profile === "shift3";
  return 1 + ((industrial ? 0.05 : 0.5) * Math.max(0, 14 - tmean)) / 10;
}

/** Water multiplier: more cooling, washing and irrigation in heat. */
export function waterWeatherFactor(tmean: number): number {
  return 1 + (0.25 * Math.max(0, tmean - 24)) / 10;
}

/** Mean of a profile over a plain week (5 workdays, Saturday, Sunday), relative to a workday. */
export function weeklyMean(profile: LoadProfile): number {
  const mean = (t: DayType) => loadShape(profile, t).reduce((a, b) => a + b, 0) / SLOTS_PER_DAY;
  return (5 * mean(0) + mean(1) + mean(2)) / 7;
}
