import { compareText } from "./compare.ts";
import { round6 } from "../local-projection.ts";
import { URBAN_CORE } from "../landmarks.ts";
import { nearestTown } from "../nearest-town.ts";
import type { Rng } from "../random.ts";
import { COMMUNITY_SUFFIXES, COMMUNITY_WORDS } from "./name-pools.ts";
import { createSampler, townParts } from "./sampler.ts";
import type { SepticTank } from "./site-schemas.ts";

const PLACES = ["公厕", "农贸市场", "学校", "医院", "客运站", "安置小区"];

/**
 * Generates septic-tank monitors: in residential compounds and public toilets, half in the urban
 * core, most of the rest at town seats. Depths 2–4.5 m, volumes from depth × a 8–60 m² footprint.
 */
export function generateSepticTanks(
  rng: Rng,
  inside: (lon: number, lat: number) => boolean,
  count: number,
): SepticTank[] {
  const sample = createSampler(
    rng,
    [
      { kind: "gaussian", center: URBAN_CORE.center, sigmaKm: 1.5, weight: 0.5 },
      ...townParts(0.44, 0.6),
      { kind: "uniform", weight: 0.06 },
    ],
    inside,
  );
  const tanks = Array.from({ length: count }, (): Omit<SepticTank, "id"> => {
    const [lon, lat] = sample();
    const town = nearestTown(lon, lat);
    const place = rng.chance(0.55)
      ? `${rng.pick(COMMUNITY_WORDS)}${rng.pick(COMMUNITY_SUFFIXES)}`
      : rng.pick(PLACES);
    const depth = Math.round(rng.range(2, 4.5) * 10) / 10;
    const footprint = rng.range(8, 60);
    return {
      name: `${town.name}·${place}化粪池`,
      town_code: town.code,
      lon: round6(lon),
      lat: round6(lat),
      depth_m: depth,
      volume_m3: Math.round(depth * footprint),
      source: "generated",
    };
  });
  tanks.sort((a, b) => compareText(a.town_code, b.town_code) || b.lat - a.lat || a.lon - b.lon);
  const seen = new Map<string, number>();
  return tanks.map((t, i) => {
    const n = (seen.get(t.name) ?? 0) + 1;
    seen.set(t.name, n);
    const name = n === 1 ? t.name : t.name.replace(/化粪池$/, `${n}号化粪池`);
    return { id: `SEP-${String(i + 1).padStart(3, "0")}`, ...t, name };
  });
}
