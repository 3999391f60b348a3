import { fromLocalKm, toLocalKm, type LonLat } from "../local-projection.ts";
import { HIGH_TECH_ZONE, URBAN_CORE } from "../landmarks.ts";
import type { Rng } from "../random.ts";
import { TOWNS } from "../towns.ts";
import { TOWN_SEATS } from "../town-seats.ts";

/** One part of a point density: a Gaussian blob around a centre, or uniform over the district. */
export type DensityPart =
  { kind: "gaussian"; center: LonLat; sigmaKm: number; weight: number } | { kind: "uniform"; weight: number };

/** Bounding box of the district, for uniform draws (rejected outside the outline). */
const BOX = { minLon: 105.53, maxLon: 106.03, minLat: 29.78, maxLat: 30.44 };

/**
 * Returns a function that draws points from a mixture density, keeping only those `inside` the
 * district (rejection sampling). Throws if a part keeps landing outside — a sign of a bad centre.
 */
export function createSampler(
  rng: Rng,
  parts: readonly DensityPart[],
  inside: (lon: number, lat: number) => boolean,
): () => LonLat {
  return () => {
    const part = rng.weighted(parts, (p) => p.weight);
    for (let attempt = 0; attempt < 500; attempt++) {
      let point: LonLat;
      if (part.kind === "uniform") {
        point = [rng.range(BOX.minLon, BOX.maxLon), rng.range(BOX.minLat, BOX.maxLat)];
      } else {
        const [x, y] = toLocalKm(...part.center);
        point = fromLocalKm(x + rng.normal() * part.sigmaKm, y + rng.normal() * part.sigmaKm);
      }
      if (inside(point[0], point[1])) return point;
    }
    throw new Error(`sampler: 500 draws from ${JSON.stringify(part)} all fell outside the district`);
  };
}

/** Gaussian blobs around every town seat, weighted by the seat table's activity weight. */
export function townParts(totalWeight: number, sigmaKm: number): DensityPart[] {
  const sum = TOWN_SEATS.reduce((s, t) => s + t.weight, 0);
  return TOWNS.map((town) => {
    const w = TOWN_SEATS.find((s) => s.code === town.code)?.weight ?? 1;
    const sigma = town.kind === "street" ? sigmaKm * 1.4 : sigmaKm;
    return {
      kind: "gaussian",
      center: town.seat,
      sigmaKm: sigma,
      weight: (totalWeight * w) / sum,
    };
  });
}

/**
 * The default "where people are" density: much denser in the urban core and the high-tech
 * zone, denser around every town seat, a thin rural spread elsewhere.
 */
export function activityDensity(): DensityPart[] {
  return [
    { kind: "gaussian", center: URBAN_CORE.center, sigmaKm: 1.6, weight: 0.3 },
    { kind: "gaussian", center: HIGH_TECH_ZONE.center, sigmaKm: 1.2, weight: 0.08 },
    ...townParts(0.44, 1.1),
    { kind: "uniform", weight: 0.18 },
  ];
}
