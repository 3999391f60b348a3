/**
 * One station's hourly record. PM2.5 follows the regional daily level (interpolated through
 * the day) with a diurnal shape (morning and late-evening highs, afternoon low when the mixing
 * layer is deep) and station noise; PM10 is a station-specific multiple; NO2 follows traffic
 * peaks; O3 builds in the afternoon on hot sunny days and is titrated at night in town; SO2 and
 * CO are low, higher in winter; noise follows day and night. Ranges are realistic µg/m³.
 */
import { blockLabels } from "../../generators/live-anomalies.ts";
import { rngFor } from "../../generators/random.ts";
import type { RunDays } from "../../generators/run-days.ts";
import { HOUR_MS, dayOfYear, localDay, localTimeOfDay } from "../../generators/time.ts";
import type { EcoStationShape } from "../../generators/site-shapes.ts";
import type { RegionalAir } from "./generate-regional.ts";

/** Output arrays of one station, one value per hour. */
export interface AirSeries {
  readonly pm25: Float64Array;
  readonly pm10: Float64Array;
  readonly so2: Float64Array;
  readonly no2: Float64Array;
  readonly co: Float64Array;
  readonly o3: Float64Array;
  readonly noise: Float64Array;
}

/** Station kind → [PM factor, NO2 factor, SO2 factor, day noise dB, night noise dB]. */
const KIND: Record<string, readonly [number, number, number, number, number]> = {
  urban: [1.1, 1.4, 1, 58, 47],
  industrial: [1.2, 1.2, 1.8, 60, 52],
  town: [0.95, 0.9, 1, 54, 44],
  background: [0.75, 0.5, 0.7, 48, 38],
};

const bump = (h: number, at: number, sd: number) => Math.exp(-0.5 * ((h - at) / sd) ** 2);
const PM_SHAPE = Float64Array.from(
  { length: 24 },
  (_, h) => 1 + 0.15 * bump(h, 9, 2) + 0.2 * bump(h, 22, 2.5) - 0.25 * bump(h, 15.5, 2.5),
);
const NO2_SHAPE = Float64Array.from(
  { length: 24 },
  (_, h) => 1 + 0.35 * bump(h, 8.5, 1.5) + 0.45 * bump(h, 19.5, 2) - 0.25 * bump(h, 14, 2.5),
);
const O3_SHAPE = Float64Array.from({ length: 24 }, (_, h) =>
  h > 8 && h < 21 ? Math.pow(Math.sin((Math.PI * (h - 8)) / 13), 1.3) : 0,
);
const int = (v: number) => Math.max(1, Math.round(v));

/**
 * Fills a station's hourly series over the grid `start + i·1 h`. `block` (a live day's index)
 * seeds the hour-to-hour noise by day; the station's constants stay the station's.
 */
export function fillAirSeries(
  out: AirSeries,
  station: EcoStationShape,
  seed: number,
  start: number,
  run: RunDays,
  region: RegionalAir,
  block?: number,
): void {
  const constants = rngFor(seed, "air", station.id);
  const [pmK, no2K, so2K, dayDb, nightDb] =
    KIND[station.kind ?? "town"] ?? (KIND.town as (typeof KIND)[string]);
  const pmStation = pmK * constants.range(0.9, 1.1);
  const coarse = constants.range(1.4, 1.8) * (station.kind === "industrial" ? 1.1 : 1);
  const rng = block === undefined ? constants : rngFor(seed, "air", station.id, ...blockLabels({ block }));
  let ar = 0;
  let arNo2 = 0;
  for (let i = 0; i < out.pm25.length; i++) {
    const t = start + i * HOUR_MS;
    const day = localDay(t);
    const hour = Math.floor(localTimeOfDay(t) / HOUR_MS);
    const d = Math.min(run.days - 1, Math.max(0, day - run.firstDay));
    const f = hour / 24;
    const regional = (1 - f) * (region.pm25[d] as number) + f * (region.pm25[d + 1] as number);
    const winter = Math.cos((2 * Math.PI * (dayOfYear(day) - 15)) / 365); // 1 in January, -1 in July
    const stagnation = region.stagnation[d] as number;
    ar = 0.9 * ar + 0.08 * rng.normal();
    arNo2 = 0.8 * arNo2 + 0.15 * rng.normal();
    const pm25 = regional * pmStation * (PM_SHAPE[hour] as number) * Math.exp(ar);
    const windy = (region.windMs[d] as number) > 2.5 ? 1.2 : 1;
    const no2 =
      (22 + 8 * winter) * no2K * (NO2_SHAPE[hour] as number) * (1 + 0.5 * stagnation) * Math.exp(arNo2);
    const o3 =
      (28 + 6 * Math.sin((2 * Math.PI * (dayOfYear(day) - 80)) / 365)) *
        (hour < 7 || hour > 20 ? 1 - 0.3 * (no2K - 0.5) : 1) +
      (region.o3Amplitude[d] as number) * (O3_SHAPE[hour] as number) * Math.exp(0.5 * arNo2);
    out.pm25[i] = int(pm25);
    out.pm10[i] = int(pm25 * coarse * windy * (1 + 0.05 * rng.normal()));
    out.no2[i] = int(no2);
    out.o3[i] = int(o3 - 0.2 * no2 + 5);
    out.so2[i] = int((7 + 3 * winter) * so2K * (1 + 0.3 * stagnation) * Math.exp(0.2 * rng.normal()));
    out.co[i] = Math.max(0.1, Math.round((0.45 + 0.006 * pm25 + 0.05 * rng.normal()) * 10) / 10);
    const quiet = hour >= 22 || hour < 6;
    out.noise[i] = Math.round(((quiet ? nightDb : dayDb) + 1.5 * rng.normal()) * 10) / 10;
  }
}
