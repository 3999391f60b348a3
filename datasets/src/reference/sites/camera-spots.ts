import { fromLocalKm, toLocalKm, type LonLat } from "../local-projection.ts";
import { SCENIC_SPOTS } from "../landmarks.ts";
import type { Rng } from "../random.ts";
import { RIVERS } from "../rivers.ts";
import type { Junction } from "./junctions.ts";
import { pointAlong, polylineLengthKm } from "./polyline.ts";
import type { CameraKind, Road } from "./site-schemas.ts";
import { stake } from "./stake.ts";

/** Where one camera goes, before it gets a town, id and final name. */
export interface CameraSpot {
  kind: CameraKind;
  point: LonLat;
  /** Name after the "town·" prefix. */
  place: string;
  roadId: string | null;
}

type Inside = (lon: number, lat: number) => boolean;

/** Retries `draw` until its point is inside the district. */
function until(inside: Inside, draw: () => CameraSpot): CameraSpot {
  for (let i = 0; i < 200; i++) {
    const spot = draw();
    if (inside(spot.point[0], spot.point[1])) return spot;
  }
  throw new Error("camera placement: 200 draws fell outside the district; check the road and river sketches");
}

function jitter(rng: Rng, p: LonLat, sigmaKm: number): LonLat {
  const [x, y] = toLocalKm(...p);
  return fromLocalKm(x + rng.normal() * sigmaKm, y + rng.normal() * sigmaKm);
}

const ROAD_WEIGHT: Record<Road["kind"], number> = { urban: 6, national: 2, county: 1, expressway: 0 };

/** Placement rules for the road-bound camera kinds. */
export function roadSpotMakers(
  rng: Rng,
  roads: readonly Road[],
  junctions: readonly Junction[],
  inside: Inside,
) {
  const lengths = new Map(roads.map((r) => [r.id, polylineLengthKm(r.coordinates)]));
  const len = (r: Road) => lengths.get(r.id) ?? 0;
  const surface = roads.filter((r) => r.kind !== "expressway");
  const expressways = roads.filter((r) => r.kind === "expressway");
  const alongRoad = (
    pool: readonly Road[],
    weight: (r: Road) => number,
    kind: CameraKind,
    offsetKm: number,
  ) =>
    until(inside, () => {
      const road = rng.weighted(pool, weight);
      const km = rng.range(0, len(road));
      const side = rng.chance(0.5) ? 1 : -1;
      const point = pointAlong(road.coordinates, km, side * rng.range(0.005, offsetKm));
      return { kind, point, place: `${road.name}${stake(km)}`, roadId: road.id };
    });
  return {
    intersection: () =>
      until(inside, () => {
        const j = rng.weighted(junctions, (x) => x.weight);
        return { kind: "intersection", point: jitter(rng, j.point, 0.012), place: j.label, roadId: j.roadId };
      }),
    road: () => alongRoad(surface, (r) => len(r) * ROAD_WEIGHT[r.kind], "road", 0.025),
    highway: () => alongRoad(expressways, len, "highway", 0.03),
  } satisfies Record<string, () => CameraSpot>;
}

/** Placement rules for river and scenic cameras. */
export function landmarkSpotMakers(rng: Rng, inside: Inside) {
  return {
    river: () =>
      until(inside, () => {
        const river = rng.weighted(RIVERS, (r) => polylineLengthKm(r.coordinates));
        const km = rng.range(0, polylineLengthKm(river.coordinates));
        const left = rng.chance(0.5);
        const point = pointAlong(river.coordinates, km, (left ? 1 : -1) * rng.range(0.05, 0.15));
        return {
          kind: "river",
          point,
          place: `${river.name}${left ? "左岸" : "右岸"}${stake(km)}`,
          roadId: null,
        };
      }),
    scenic: () =>
      until(inside, () => {
        const spot = rng.weighted(SCENIC_SPOTS, (s) => Math.sqrt(s.radiusKm));
        const what = rng.pick(["入口", "停车场", "观景台", "游客中心", "步道"]);
        const point = jitter(rng, spot.center, spot.radiusKm / 2);
        return { kind: "scenic", point, place: `${spot.name}${what}`, roadId: null };
      }),
  } satisfies Record<string, () => CameraSpot>;
}
