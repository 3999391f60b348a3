import type { LonLat } from "../local-projection.ts";

/** A road drawn by hand from public descriptions (real name, approximate line). */
export interface RoadSketch {
  id: string;
  name: string;
  kind: "expressway" | "national";
  coordinates: LonLat[];
}

/**
 * Through routes. Names are real; the lines are sketches joining the places each road is
 * described as passing (errors of a few km): 渝遂高速 (G93 Chengyu ring) from Suining in the
 * north-west past the urban core towards Tongliang in the south-east; 潼荣高速 from the core south
 * towards Dazu/Rongchang; G319 from Suining through 双江, the core, 田家, 塘坝 and 小渡.
 */
export const ROAD_SKETCHES: readonly RoadSketch[] = [
  {
    id: "RD-G93",
    name: "渝遂高速",
    kind: "expressway",
    coordinates: [
      [105.742, 30.33],
      [105.762, 30.3],
      [105.79, 30.255],
      [105.808, 30.22],
      [105.826, 30.17],
      [105.846, 30.12],
      [105.858, 30.06],
      [105.862, 30.01],
      [105.888, 29.96],
      [105.905, 29.925],
    ],
  },
  {
    id: "RD-TR",
    name: "潼荣高速",
    kind: "expressway",
    coordinates: [
      [105.846, 30.12],
      [105.815, 30.08],
      [105.795, 30.03],
      [105.79, 29.98],
      [105.772, 29.93],
      [105.778, 29.87],
      [105.765, 29.812],
    ],
  },
  {
    id: "RD-G319",
    name: "G319国道",
    kind: "national",
    coordinates: [
      [105.725, 30.3],
      [105.752, 30.282],
      [105.772, 30.268],
      [105.8, 30.225],
      [105.824, 30.2],
      [105.845, 30.185],
      [105.868, 30.155],
      [105.862, 30.115],
      [105.855, 30.085],
      [105.843, 30.035],
      [105.83, 29.985],
      [105.855, 29.94],
      [105.885, 29.91],
      [105.922, 29.896],
    ],
  },
];
