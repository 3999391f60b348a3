import type { LonLat } from "./local-projection.ts";

/** A river centre line, sketched. */
export interface River {
  name: string;
  /** Waypoints, upstream first, GCJ-02; an approximate sketch (few-km accuracy), not a survey. */
  coordinates: LonLat[];
}

/**
 * The two rivers of Tongnan, sketched from public descriptions: the 涪江 enters from Suining in the
 * north-west, passes 双江 and the urban core (大佛寺 sits on it) and leaves south-east towards
 * 安居; the 琼江 enters at 崇龛 in the west and runs through 柏梓, 太安 and 塘坝.
 */
export const RIVERS: readonly River[] = [
  {
    name: "涪江",
    coordinates: [
      [105.735, 30.318],
      [105.758, 30.29],
      [105.772, 30.262],
      [105.795, 30.228],
      [105.82, 30.204],
      [105.842, 30.188],
      [105.865, 30.168],
      [105.893, 30.142],
      [105.918, 30.115],
      [105.94, 30.09],
      [105.955, 30.072],
    ],
  },
  {
    name: "琼江",
    coordinates: [
      [105.582, 30.172],
      [105.603, 30.164],
      [105.625, 30.13],
      [105.652, 30.096],
      [105.69, 30.078],
      [105.74, 30.066],
      [105.778, 30.062],
      [105.8, 30.03],
      [105.825, 29.995],
      [105.85, 29.99],
      [105.868, 30.0],
    ],
  },
];
