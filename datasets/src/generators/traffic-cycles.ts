/**
 * Traffic shapes: per-minute flow tables (1,440 local minutes) by road category and day type,
 * and day factors. Urban roads peak 07:30–09:00 and 17:30–19:00 on workdays; weekends are later
 * and flatter; rural roads have a morning market (赶场) peak; highway entrances and scenic spots
 * swell at weekends and holidays, the Spring Festival brings people home to the towns, and the
 * 崇龛 rapeseed flowers make a March peak there.
 */
import { daysFromSpringFestival, springFestivalFactorOfDay } from "./calendar.ts";
import type { DayType } from "./cycles.ts";
import { dayOfDate, dayOfYear } from "./time.ts";

/** How a counting camera's road behaves. */
export type TrafficCategory = "urban" | "arterial" | "rural" | "highway" | "scenic";

export const MINUTES_PER_DAY = 1440;
/** Town code of 崇龛镇, whose rapeseed flowers draw crowds in March. */
export const CHONGKAN_TOWN = "500152114";

const bump = (h: number, at: number, sd: number) => Math.exp(-0.5 * ((h - at) / sd) ** 2);
const step = (h: number, at: number, w: number) => 1 / (1 + Math.exp(-(h - at) / (w / 3)));
const window = (h: number, from: number, to: number, w = 1) => step(h, from, w) - step(h, to, w);

type Shape = (h: number) => number;
/** Workday and off-day (weekend/holiday) shapes; peak near 1. */
const SHAPES: Record<TrafficCategory, readonly [Shape, Shape]> = {
  urban: [
    (h) =>
      0.03 +
      0.5 * window(h, 6.5, 21.5) +
      0.5 * bump(h, 8.25, 0.45) +
      0.45 * bump(h, 18.25, 0.5) +
      0.1 * bump(h, 12, 0.8),
    (h) => 0.03 + 0.55 * window(h, 8, 22, 1.5) + 0.15 * bump(h, 10.5, 1.5) + 0.2 * bump(h, 17, 2),
  ],
  arterial: [
    (h) => 0.04 + 0.55 * window(h, 6.5, 21) + 0.35 * bump(h, 8.25, 0.6) + 0.3 * bump(h, 18.25, 0.7),
    (h) => 0.04 + 0.6 * window(h, 7.5, 21.5, 1.5) + 0.2 * bump(h, 16, 2.5),
  ],
  rural: [
    (h) => 0.02 + 0.4 * window(h, 6.5, 20) + 0.55 * bump(h, 8.5, 1.2) + 0.25 * bump(h, 17.5, 1.2),
    (h) => 0.02 + 0.45 * window(h, 7, 20) + 0.45 * bump(h, 9.5, 1.5),
  ],
  highway: [
    (h) => 0.1 + 0.55 * window(h, 6.5, 22, 1.5) + 0.3 * bump(h, 9, 1.5) + 0.3 * bump(h, 17, 2),
    (h) => 0.1 + 0.6 * window(h, 7, 22, 1.5) + 0.35 * bump(h, 10, 2) + 0.3 * bump(h, 17.5, 2),
  ],
  scenic: [
    (h) => 0.01 + window(h, 8.5, 18) * (0.25 + 0.75 * bump(h, 12.5, 2.5)),
    (h) => 0.01 + window(h, 8, 18.5) * (0.25 + 0.75 * bump(h, 12.5, 2.8)),
  ],
};

const tables = new Map<string, Float64Array>();

/** Flow per local minute (peak ≈ 1) of a category on a day type. Shared tables: do not modify. */
export function trafficShape(category: TrafficCategory, dayType: DayType): Float64Array {
  const off = dayType === 0 ? 0 : 1;
  const key = `${category}/${off}`;
  let t = tables.get(key);
  if (!t) {
    const f = SHAPES[category][off];
    t = Float64Array.from({ length: MINUTES_PER_DAY }, (_, m) => Math.max(0, f((m + 0.5) / 60)));
    tables.set(key, t);
  }
  return t;
}

/** Peak flow of day types relative to a workday: [workday, Saturday, Sunday, holiday]. */
const DAY: Record<TrafficCategory, readonly [number, number, number, number]> = {
  urban: [1, 0.85, 0.8, 0.75],
  arterial: [1, 0.95, 0.9, 1.05],
  rural: [1, 1, 0.95, 1.15],
  highway: [1, 1.15, 1.15, 1.6],
  scenic: [1, 2.2, 2.4, 3],
};

const RAPESEED_PEAK = dayOfYear(dayOfDate("2026-03-12"));

/**
 * A day's flow multiplier for a camera's category and town: day type, the Spring Festival
 * (urban commuting falls, towns and highways fill with people coming home) and the March
 * rapeseed-flower peak at 崇龛.
 */
export function trafficDayFactor(
  category: TrafficCategory,
  dayType: DayType,
  day: number,
  townCode: string,
): number {
  let f = DAY[category][dayType];
  const sf = springFestivalFactorOfDay(day);
  const nearFestival = Math.abs(daysFromSpringFestival(day)) <= 12;
  if (category === "urban") f *= 1 - 0.4 * (1 - sf);
  else if (nearFestival && (category === "rural" || category === "highway")) f *= 1.35;
  if (townCode === CHONGKAN_TOWN) {
    const flowers = bump(dayOfYear(day), RAPESEED_PEAK, 10);
    f *= 1 + (category === "scenic" ? 3 : 1.2) * flowers;
  }
  return f;
}
