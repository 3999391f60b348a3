import { compareText } from "./compare.ts";
import { distanceKm, round6 } from "../local-projection.ts";
import { URBAN_CORE } from "../landmarks.ts";
import { nearestTown } from "../nearest-town.ts";
import type { Rng } from "../random.ts";
import { landmarkSpotMakers, roadSpotMakers, type CameraSpot } from "./camera-spots.ts";
import { findJunctions } from "./junctions.ts";
import { COMMUNITY_SUFFIXES, COMMUNITY_WORDS, PLAZA_WORDS, SCHOOL_KINDS } from "./name-pools.ts";
import { activityDensity, createSampler } from "./sampler.ts";
import type { Camera, CameraKind, Road } from "./site-schemas.ts";

/** Share of each camera kind (sums to 1). */
export const CAMERA_MIX: Readonly<Record<CameraKind, number>> = {
  intersection: 0.22,
  road: 0.27,
  highway: 0.06,
  community: 0.18,
  school: 0.08,
  plaza: 0.05,
  river: 0.05,
  scenic: 0.09,
};

/** How many cameras are flagged `realVideo`. */
export const REAL_VIDEO_CAMERAS = 4;

/** Splits `total` by shares, the rounding remainder going to the largest share. */
function split(total: number): [CameraKind, number][] {
  const entries = Object.entries(CAMERA_MIX) as [CameraKind, number][];
  const counts = entries.map(([k, s]): [CameraKind, number] => [k, Math.floor(total * s)]);
  const rest = total - counts.reduce((n, [, c]) => n + c, 0);
  const road = counts.find(([k]) => k === "road") as [CameraKind, number];
  road[1] += rest;
  return counts;
}

/**
 * Generates `count` cameras: road-bound kinds attach to a road and lie within tens of metres of
 * it; the rest follow the activity density (dense core, town seats, thin countryside).
 */
export function generateCameras(
  rng: Rng,
  roads: readonly Road[],
  inside: (lon: number, lat: number) => boolean,
  count: number,
): Camera[] {
  const sample = createSampler(rng, activityDensity(), inside);
  const ordinal = () => rng.int(1, 9);
  const areaSpot = (kind: CameraKind, place: () => string) => (): CameraSpot => ({
    kind,
    point: sample(),
    place: place(),
    roadId: null,
  });
  const makers: Record<CameraKind, () => CameraSpot> = {
    ...roadSpotMakers(rng, roads, findJunctions(roads), inside),
    ...landmarkSpotMakers(rng, inside),
    community: areaSpot("community", () => `${rng.pick(COMMUNITY_WORDS)}${rng.pick(COMMUNITY_SUFFIXES)}`),
    school: areaSpot("school", () => `第${ordinal()}${rng.pick(SCHOOL_KINDS)}校门`),
    plaza: areaSpot("plaza", () => `${rng.pick(PLAZA_WORDS)}广场`),
  };
  const spots = split(count).flatMap(([kind, n]) => Array.from({ length: n }, () => makers[kind]()));
  const seen = new Map<string, number>();
  const cameras = spots.map((spot): Omit<Camera, "id"> => {
    const town = nearestTown(spot.point[0], spot.point[1]);
    const base = `${town.name}·${spot.place}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      name: n === 1 ? base : `${base}-${n}`,
      kind: spot.kind,
      town_code: town.code,
      road_id: spot.roadId,
      lon: round6(spot.point[0]),
      lat: round6(spot.point[1]),
      realVideo: false,
      source: "generated",
    };
  });
  // Ids follow town, then kind, then position: neighbouring ids are neighbouring cameras.
  cameras.sort(
    (a, b) =>
      compareText(a.town_code, b.town_code) || compareText(a.kind, b.kind) || b.lat - a.lat || a.lon - b.lon,
  );
  const result = cameras.map((c, i): Camera => ({ id: `CAM-${String(i + 1).padStart(5, "0")}`, ...c }));
  flagRealVideo(result);
  return result;
}

/**
 * Flags the cameras nearest the core centre as real-video feeds: intersection cameras first, at
 * least 300 m apart when possible. Tiny test sets may have fewer than four cameras in the core.
 */
function flagRealVideo(cameras: Camera[]): void {
  const distance = new Map(cameras.map((c) => [c, distanceKm([c.lon, c.lat], URBAN_CORE.center)]));
  const d = (c: Camera) => distance.get(c) ?? Infinity;
  const rank = (c: Camera) => (c.kind === "intersection" ? 0 : 1);
  const ranked = cameras
    .filter((c) => d(c) <= URBAN_CORE.radiusKm)
    .sort((a, b) => rank(a) - rank(b) || d(a) - d(b));
  const chosen: Camera[] = [];
  for (const spacingKm of [0.3, 0]) {
    for (const c of ranked) {
      if (chosen.length === REAL_VIDEO_CAMERAS) return;
      if (chosen.includes(c) || chosen.some((o) => distanceKm([o.lon, o.lat], [c.lon, c.lat]) < spacingKm))
        continue;
      c.realVideo = true;
      chosen.push(c);
    }
  }
}
