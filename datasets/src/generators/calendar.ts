/**
 * Chinese public holidays and the official adjusted working days (调休) for 2025–2027, by
 * Asia/Shanghai day. 2025 and 2026 follow the State Council notices (国办发明电, published
 * 2024-11-12 and 2025-11-04); 2027 was not published when this was written, so its spans are a
 * projection by the same rules and are marked `projected`. Outside these years only weekends
 * count as rest days.
 */
import { dayOfDate, localDay, weekday } from "./time.ts";

/** One holiday span and its makeup workdays. */
export interface HolidaySpan {
  readonly name: string;
  readonly nameZh: string;
  /** First and last rest day, inclusive, "YYYY-MM-DD". */
  readonly from: string;
  readonly to: string;
  /** Weekend days that are worked instead (调休上班). */
  readonly makeup: readonly string[];
  /** True where no official notice existed yet. */
  readonly projected?: boolean;
}

const span = (nameZh: string, name: string, from: string, to: string, ...makeup: string[]): HolidaySpan => ({
  name,
  nameZh,
  from,
  to,
  makeup,
});
const projected = (s: HolidaySpan): HolidaySpan => ({ ...s, projected: true });

/** Holiday spans 2025–2027 in date order. */
export const HOLIDAYS: readonly HolidaySpan[] = [
  span("元旦", "New Year", "2025-01-01", "2025-01-01"),
  span("春节", "Spring Festival", "2025-01-28", "2025-02-04", "2025-01-26", "2025-02-08"),
  span("清明节", "Qingming", "2025-04-04", "2025-04-06"),
  span("劳动节", "Labour Day", "2025-05-01", "2025-05-05", "2025-04-27"),
  span("端午节", "Dragon Boat", "2025-05-31", "2025-06-02"),
  span(
    "国庆节、中秋节",
    "National Day and Mid-Autumn",
    "2025-10-01",
    "2025-10-08",
    "2025-09-28",
    "2025-10-11",
  ),
  span("元旦", "New Year", "2026-01-01", "2026-01-03", "2026-01-04"),
  span("春节", "Spring Festival", "2026-02-15", "2026-02-23", "2026-02-14", "2026-02-28"),
  span("清明节", "Qingming", "2026-04-04", "2026-04-06"),
  span("劳动节", "Labour Day", "2026-05-01", "2026-05-05", "2026-05-09"),
  span("端午节", "Dragon Boat", "2026-06-19", "2026-06-21"),
  span("中秋节", "Mid-Autumn", "2026-09-25", "2026-09-27"),
  span("国庆节", "National Day", "2026-10-01", "2026-10-07", "2026-09-20", "2026-10-10"),
  projected(span("元旦", "New Year", "2027-01-01", "2027-01-03")),
  projected(span("春节", "Spring Festival", "2027-02-05", "2027-02-13", "2027-02-20")),
  projected(span("清明节", "Qingming", "2027-04-03", "2027-04-05")),
  projected(span("劳动节", "Labour Day", "2027-05-01", "2027-05-05", "2027-04-25")),
  projected(span("端午节", "Dragon Boat", "2027-06-09", "2027-06-09")),
  projected(span("中秋节", "Mid-Autumn", "2027-09-15", "2027-09-15")),
  projected(span("国庆节", "National Day", "2027-10-01", "2027-10-07", "2027-09-26", "2027-10-09")),
];

/** Lunar New Year's day (正月初一) by Gregorian year. */
export const SPRING_FESTIVAL_DAYS: Readonly<Record<number, string>> = {
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
  2028: "2028-01-26",
};

/** How a day is treated: a workday, a weekend rest day, a holiday, or a makeup workday. */
export type DayKind = "workday" | "weekend" | "holiday" | "makeup";

const holidayName = new Map<number, string>();
const makeupDays = new Set<number>();
for (const h of HOLIDAYS) {
  for (let d = dayOfDate(h.from); d <= dayOfDate(h.to); d++) holidayName.set(d, h.nameZh);
  for (const m of h.makeup) makeupDays.add(dayOfDate(m));
}
const festivalDays = Object.values(SPRING_FESTIVAL_DAYS).map(dayOfDate);

/** The kind of a local day index. */
export function dayKindOf(day: number): DayKind {
  if (holidayName.has(day)) return "holiday";
  if (makeupDays.has(day)) return "makeup";
  const w = weekday(day);
  return w === 0 || w === 6 ? "weekend" : "workday";
}

/** True when the local day containing `dayMs` (epoch ms) is a working day, makeup days included. */
export function isWorkday(dayMs: number): boolean {
  const k = dayKindOf(localDay(dayMs));
  return k === "workday" || k === "makeup";
}

/** The holiday's Chinese name when the local day containing `dayMs` is a public holiday. */
export function holidayOf(dayMs: number): string | undefined {
  return holidayName.get(localDay(dayMs));
}

/** Days from the nearest Lunar New Year's day to local day `day` (negative before it). */
export function daysFromSpringFestival(day: number): number {
  let best = Infinity;
  for (const f of festivalDays) if (Math.abs(day - f) < Math.abs(best)) best = day - f;
  return best;
}

/**
 * Industrial activity multiplier around the Spring Festival: migrant workers leave about ten
 * days before New Year, plants idle through the holiday and ramp back up after the Lantern
 * Festival (正月十五) — a trough of about three weeks. Returns 1 outside it, ~0.25 at its depth.
 */
export function springFestivalFactor(dayMs: number): number {
  return springFestivalFactorOfDay(localDay(dayMs));
}

/** {@link springFestivalFactor} for a local day index. */
export function springFestivalFactorOfDay(day: number): number {
  const d = daysFromSpringFestival(day);
  if (d < -12 || d > 20) return 1;
  if (d < -3) return 1 - 0.7 * ((d + 12) / 9); // -12 → 1, -3 → 0.3
  if (d <= 7) return 0.3 - 0.05 * Math.sin(((d + 3) * Math.PI) / 10);
  return 0.3 + 0.7 * ((d - 7) / 13); // +7 → 0.3, +20 → 1
}
