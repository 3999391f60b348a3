/**
 * One day of 爱潼南 cases as drafts: Poisson arrivals with a daily cycle (fewer at night and at
 * weekends, noise complaints up in summer evenings), placed near the district's sites (dense
 * where people are), each with the time it will be closed (log-normal) — and a case's state at
 * any instant. A day's cases depend only on the seed and the day.
 */
import { cumulative, rngFor } from "../../generators/random.ts";
import type { SiteShape } from "../../generators/site-shapes.ts";
import { HOUR_MS, dateOfDay, dayStart, monthOfDay } from "../../generators/time.ts";
import { flatCategories } from "./generate-catalog.ts";

const HOURLY = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.5, 1, 1.5, 1.7, 1.7, 1.4, 1, 1.1, 1.4, 1.5, 1.4, 1.2, 1, 1.1, 1.2, 1,
  0.6, 0.3,
];
const HOURLY_SUM = HOURLY.reduce((s, x) => s + x, 0);
const DAY_TYPE = [1, 0.8, 0.75, 0.65];

/** What every day's draw needs: the seed, the mean cases a day and where cases are placed. */
export interface CaseSetting {
  readonly seed: number;
  readonly perDay: number;
  readonly anchors: readonly SiteShape[];
  readonly flat: ReturnType<typeof flatCategories>;
  readonly pick: Float64Array;
}

/** A setting for {@link dayCases}. */
export function caseSetting(seed: number, perDay: number, anchors: readonly SiteShape[]): CaseSetting {
  const flat = flatCategories();
  return { seed, perDay, anchors, flat, pick: cumulative(flat.map((f) => f.p)) };
}

/** One case before it is written as a row; `k` indexes the setting's flat categories. */
export interface CaseDraft {
  readonly id: string;
  readonly k: number;
  readonly anchor: SiteShape;
  readonly lon: number;
  readonly lat: number;
  /** Epoch ms it was opened and (in the future, maybe) closed. */
  readonly t: number;
  readonly closedAt: number;
  readonly rejected: boolean;
}

/**
 * The cases of a local day in time order. Cases whose time `keep` refuses are skipped before
 * their position is drawn (what preset runs have always done, so their output stays the same).
 */
export function* dayCases(
  s: CaseSetting,
  day: number,
  dayType: number,
  keep: (t: number) => boolean = () => true,
): Generator<CaseDraft> {
  const rng = rngFor(s.seed, "cases", day);
  const summer = monthOfDay(day) >= 5 && monthOfDay(day) <= 7;
  const times: number[] = [];
  for (let h = 0; h < 24; h++) {
    const n = rng.poisson((s.perDay * (DAY_TYPE[dayType] as number) * (HOURLY[h] as number)) / HOURLY_SUM);
    for (let k = 0; k < n; k++) times.push(dayStart(day) + (h + rng.next()) * HOUR_MS);
  }
  times.sort((x, y) => x - y);
  const date = dateOfDay(day).replaceAll("-", "");
  for (const [seq, t] of times.entries()) {
    let k = rng.weighted(s.pick);
    // Noise complaints are commoner on summer evenings: redraw half of them otherwise.
    if (s.flat[k]?.category.name === "噪音扰民" && !summer && rng.chance(0.4)) k = rng.weighted(s.pick);
    const f = s.flat[k] as CaseSetting["flat"][number];
    const anchor = s.anchors[rng.int(s.anchors.length)] as SiteShape;
    const rejected = rng.chance(0.05);
    const closedAt =
      t + (rejected ? rng.logNormal(2, 0.5) : rng.logNormal(f.category.medianHours, 0.9)) * HOUR_MS;
    if (!keep(t)) continue;
    const lon = Math.round((anchor.lon + 0.002 * rng.normal()) * 1e6) / 1e6;
    const lat = Math.round((anchor.lat + 0.002 * rng.normal()) * 1e6) / 1e6;
    yield { id: `C${date}${String(seq + 1).padStart(4, "0")}`, k, anchor, lon, lat, t, closedAt, rejected };
  }
}

/** A case's status and close time as seen at `at` (epoch ms, after it was opened). */
export function caseState(
  c: CaseDraft,
  at: number,
): {
  readonly status: "open" | "assigned" | "processing" | "closed" | "rejected";
  readonly closedAt: number | null;
} {
  if (c.closedAt < at)
    return { status: c.rejected ? "rejected" : "closed", closedAt: Math.round(c.closedAt / 1000) * 1000 };
  const age = (at - c.t) / HOUR_MS;
  return { status: age < 0.5 ? "open" : age < 4 ? "assigned" : "processing", closedAt: null };
}
