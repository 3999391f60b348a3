import { createPointTester } from "../point-in-polygon.ts";
import { createRng } from "../random.ts";
import { outlineShared } from "../tongnan-outline.ts";
import { generateCameras } from "./cameras.ts";
import { generateEcoStations } from "./eco-stations.ts";
import { generateEnterprises } from "./enterprises.ts";
import { roadNetwork } from "./road-network.ts";
import { generateSepticTanks } from "./septic-tanks.ts";
import type { GeneratedSites } from "./site-schemas.ts";

/** How many of each site; defaults match the bureau's 2021 inventory (DOMAIN.md). */
export interface SiteCounts {
  cameras: number;
  septicTanks: number;
  ecoStations: number;
  enterprises: number;
}

export const DEFAULT_SITE_COUNTS: Readonly<SiteCounts> = {
  cameras: 12400,
  septicTanks: 152,
  ecoStations: 30,
  enterprises: 320,
};

/** Options for {@link generateSites}. */
export interface GenerateSitesOptions {
  /** Same seed → identical output (JSON-equal) on every machine. */
  seed: number | string;
  /** Override counts, e.g. for small test fixtures. */
  counts?: Partial<SiteCounts>;
}

/**
 * Generates Tongnan's monitored sites — cameras, septic-tank monitors, eco-environment stations,
 * key enterprises — plus the road network cameras attach to. Everything lies inside the real
 * outline, denser in the urban core and high-tech zone and around town seats. Every record is
 * synthetic (`source: "generated"`); town codes and names are real.
 *
 * @example
 * const sites = generateSites({ seed: 42 });
 * sites.cameras.length; // 12400
 * sites.cameras.filter((c) => c.realVideo).length; // 4
 */
export function generateSites(options: GenerateSitesOptions): GeneratedSites {
  const counts = { ...DEFAULT_SITE_COUNTS, ...options.counts };
  const rng = createRng(options.seed);
  const inside = createPointTester(outlineShared().geometry);
  const roads = roadNetwork();
  return {
    seed: options.seed,
    roads,
    cameras: generateCameras(rng.fork("cameras"), roads, inside, counts.cameras),
    septicTanks: generateSepticTanks(rng.fork("septic-tanks"), inside, counts.septicTanks),
    ecoStations: generateEcoStations(rng.fork("eco-stations"), inside, counts.ecoStations),
    enterprises: generateEnterprises(rng.fork("enterprises"), inside, counts.enterprises),
  };
}
