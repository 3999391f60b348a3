import type { TimeInput } from "../kpi-common/local-time.ts";
import { localMinuteOfDay } from "../kpi-common/local-time.ts";

/** Time-of-use price bands. */
export const TOU_BANDS = ["peak", "flat", "valley"] as const;
export type TouBand = (typeof TOU_BANDS)[number];

/** A band between two Asia/Shanghai wall-clock times, `from` inclusive, `to` exclusive. */
export interface TouWindow {
  readonly band: TouBand;
  /** "HH:MM". */
  readonly from: string;
  /** "HH:MM", up to "24:00". */
  readonly to: string;
}

/** A time-of-use schedule: windows, and the band of every minute they leave out. */
export interface TouSchedule {
  readonly id: string;
  readonly title: string;
  /** False when the schedule is not confirmed for the users it is applied to. */
  readonly confirmed: boolean;
  readonly windows: readonly TouWindow[];
  readonly otherwise: TouBand;
}

/**
 * Chongqing's published residential scheme (DOMAIN.md): peak 11:00–17:00 and 20:00–22:00,
 * valley 00:00–08:00, flat otherwise. Used for industry too until its schedule is confirmed.
 */
export const CHONGQING_TOU: TouSchedule = {
  id: "chongqing-residential",
  title: "重庆居民分时电价 (峰 11–17、20–22 时，谷 0–8 时)",
  confirmed: false,
  windows: [
    { band: "valley", from: "00:00", to: "08:00" },
    { band: "peak", from: "11:00", to: "17:00" },
    { band: "peak", from: "20:00", to: "22:00" },
  ],
  otherwise: "flat",
};

const HHMM = /^(\d{2}):(\d{2})$/;

function minutes(text: string, what: string): number {
  const m = HHMM.exec(text);
  const v = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || v > 1440)
    throw new Error(`${what}: expected "HH:MM" between 00:00 and 24:00, got ${JSON.stringify(text)}`);
  return v;
}

/** A window in minutes of the day. */
interface Span {
  readonly band: TouBand;
  readonly from: number;
  readonly to: number;
}

/**
 * Validates a schedule and returns its windows in minutes of the day.
 * @throws Error naming the window that is empty, reversed or overlaps another.
 */
export function touSpans(schedule: TouSchedule): Span[] {
  const spans = schedule.windows.map((w, i) => {
    const from = minutes(w.from, `TOU window ${i} from`);
    const to = minutes(w.to, `TOU window ${i} to`);
    if (to <= from)
      throw new Error(`TOU window ${i} (${w.band} ${w.from}–${w.to}): "to" must be after "from"`);
    if (!(TOU_BANDS as readonly string[]).includes(w.band))
      throw new Error(`TOU window ${i}: unknown band "${w.band}"`);
    return { band: w.band, from, to };
  });
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as Span;
    const b = sorted[i] as Span;
    if (b.from < a.to)
      throw new Error(
        `TOU windows overlap: ${a.band} until minute ${a.to} and ${b.band} from minute ${b.from}`,
      );
  }
  return spans;
}

/** The band of an instant (its Asia/Shanghai wall-clock time) under a schedule. */
export function touBand(t: TimeInput, schedule: TouSchedule = CHONGQING_TOU): TouBand {
  const m = localMinuteOfDay(t);
  return touSpans(schedule).find((s) => m >= s.from && m < s.to)?.band ?? schedule.otherwise;
}

/** SQL giving the band ('peak' | 'flat' | 'valley') of the UTC TIMESTAMP `tsExpr`. */
export function touBandSql(tsExpr: string, schedule: TouSchedule = CHONGQING_TOU): string {
  const m = `(hour(${tsExpr} + INTERVAL 8 HOUR) * 60 + minute(${tsExpr} + INTERVAL 8 HOUR))`;
  const arms = touSpans(schedule).map((s) => `WHEN ${m} >= ${s.from} AND ${m} < ${s.to} THEN '${s.band}'`);
  return `(CASE ${arms.join(" ")} ELSE '${schedule.otherwise}' END)`;
}
