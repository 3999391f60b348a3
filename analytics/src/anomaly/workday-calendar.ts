import { dayKindOf } from "@citybrain/datasets/generators";

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/**
 * The class of a local day that a seasonal baseline keeps apart, from its local day index
 * (days since 1970-01-01 in Asia/Shanghai). Days of one class share a load shape.
 */
export type DayClassOf = (localDay: number) => number;

/**
 * The default day classes: 0 working day (makeup days 调休 included), 1 Saturday, 2 Sunday,
 * 3 public holiday, from the datasets calendar. Saturdays and Sundays are apart because many
 * plants run a short Saturday; holidays are apart because a week-long holiday (国庆) would
 * otherwise drag a plain non-working-day baseline down and make the next weekends look high.
 */
export const CHINA_DAY_CLASSES: DayClassOf = (day) => {
  const kind = dayKindOf(day);
  if (kind === "holiday") return 3;
  if (kind === "weekend") return (((day + 4) % 7) + 7) % 7 === 6 ? 1 : 2;
  return 0;
};

/** Working day (0) or not (1): the coarser classes, when a site has no Saturday shift. */
export const WORKDAY_CLASSES: DayClassOf = (day) => (CHINA_DAY_CLASSES(day) === 0 ? 0 : 1);

/**
 * A `cal(d DATE, cls INTEGER)` CTE body covering the local days of [from, to) (epoch ms), for
 * joining readings to their day class in SQL. Dates are generated here, never user input.
 */
export function calendarValues(from: number, to: number, classOf: DayClassOf = CHINA_DAY_CLASSES): string {
  const first = Math.floor((from + OFFSET_MS) / DAY_MS);
  const last = Math.max(first, Math.floor((to - 1 + OFFSET_MS) / DAY_MS));
  const rows: string[] = [];
  for (let d = first; d <= last; d++) {
    rows.push(`(DATE '${new Date(d * DAY_MS).toISOString().slice(0, 10)}', ${Math.trunc(classOf(d))})`);
  }
  return `SELECT * FROM (VALUES ${rows.join(", ")}) AS cal(d, cls)`;
}
