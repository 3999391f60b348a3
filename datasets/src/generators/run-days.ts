/**
 * The local days a run covers, with their day types and the day's weather: computed once per
 * stream run and shared by every site.
 */
import { dayTypeOf, type DayType } from "./cycles.ts";
import { dailyWeather, type DailyWeather } from "./weather.ts";
import { localDay } from "./time.ts";

/** Days of a run, from the local day of `start` to that of `end - 1`. */
export interface RunDays {
  readonly firstDay: number;
  readonly days: number;
  readonly dayType: Uint8Array;
  readonly weather: DailyWeather;
}

/** Day types and weather for the local days of [start, end). */
export function runDays(seed: number, start: number, end: number): RunDays {
  const firstDay = localDay(start);
  const days = Math.max(1, localDay(end - 1) - firstDay + 1);
  const dayType = new Uint8Array(days);
  for (let d = 0; d < days; d++) dayType[d] = dayTypeOf(firstDay + d);
  return { firstDay, days, dayType, weather: dailyWeather(seed, firstDay, days) };
}

/** The day type of a run day (clamped to the run). */
export function runDayType(run: RunDays, day: number): DayType {
  return run.dayType[Math.min(run.days - 1, Math.max(0, day - run.firstDay))] as DayType;
}
