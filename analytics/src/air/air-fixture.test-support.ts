import type { AirHourRow } from "./daily-concentrations.ts";

/** UTC ISO time of Asia/Shanghai `YYYY-MM-DD` at local hour `h`. */
export const localHourIso = (day: string, h: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + (h - 8) * 3_600_000).toISOString();

type Values = Partial<Omit<AirHourRow, "ts" | "station_id">>;

/** Hourly air rows of one station on one local day for the hours given. */
export function airDay(
  station: string,
  day: string,
  hours: readonly number[],
  values: (h: number) => Values,
) {
  return hours.map((h) => ({
    ts: localHourIso(day, h),
    station_id: station,
    town_code: "500152001",
    pm25: null,
    pm10: null,
    so2: null,
    no2: null,
    co: null,
    o3: null,
    ...values(h),
  }));
}

export const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Three stations on 2026-03-01 (Asia/Shanghai) plus one stray hour on 03-02.
 *
 * AIR-A, 24 h: pm25 70+h → mean 81.5 → 100 + 50·6.5/40 = 108.125 → 109; pm10 100+2h → mean 123
 *   → 50 + 50·73/100 = 86.5 → 87; so2 10 → 10; no2 30+h → mean 41.5 → 51.875 → 52; co 1 → 25;
 *   o3 40 (h 0–9), 190 (h 10–17), 50 (h 18–23): max 8 h = window 10–17 = 190
 *   → 100 + 50·30/55 = 127.3 → 128; max 1 h 190 → 50 + 50·30/40 = 87.5 → 88. AQI 128, O3 primary.
 * AIR-B, hours 0–19 only (20, the minimum): pm25 35 → 50; so2 50 → 50; o3 100 → 8 h windows
 *   starting 0–14 have ≥ 6 hours (15 ≥ 14 valid) → 100 → 50; 1 h 100 → 31.25 → 32; pm10 none.
 *   AQI 50: no primary pollutant.
 * AIR-C, 24 h: pm25 80 → 107, pm10 162.5 → 100 + 50·12.5/100 = 106.25 → 107, o3 10: tie,
 *   primary "pm25,pm10".
 * AIR-D, 24 h: o3 40 except 310 at 14:00: max 8 h (310 + 7·40)/8 = 73.75 → 50·73.75/100 = 36.9
 *   → 37, max 1 h 310 → 150 + 50·10/100 = 155: the 1 h maximum decides (155) unless excluded (37).
 * AIR-A on 03-02 00:00: one hour only → every value below validity → AQI null.
 */
export function airFixture() {
  return [
    ...airDay("AIR-A", "2026-03-01", range(0, 24), (h) => ({
      pm25: 70 + h,
      pm10: 100 + 2 * h,
      so2: 10,
      no2: 30 + h,
      co: 1,
      o3: h < 10 ? 40 : h < 18 ? 190 : 50,
    })),
    ...airDay("AIR-A", "2026-03-02", [0], () => ({ pm25: 300, o3: 900 })),
    ...airDay("AIR-B", "2026-03-01", range(0, 20), () => ({ pm25: 35, so2: 50, o3: 100 })),
    ...airDay("AIR-C", "2026-03-01", range(0, 24), () => ({ pm25: 80, pm10: 162.5, o3: 10 })),
    ...airDay("AIR-D", "2026-03-01", range(0, 24), (h) => ({ o3: h === 14 ? 310 : 40 })),
  ];
}
