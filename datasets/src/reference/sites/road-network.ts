import { distanceKm, fromLocalKm, toLocalKm, type LonLat } from "../local-projection.ts";
import { createRng } from "../random.ts";
import { TOWNS, townByCode, type Town } from "../towns.ts";
import { URBAN_CORE } from "../landmarks.ts";
import { ROAD_SKETCHES } from "./road-sketches.ts";
import type { Road } from "./site-schemas.ts";
import { urbanRoads } from "./urban-roads.ts";

// Fixed links where the nearest-seat rule would draw a road across a bend of the border:
// 崇龛 → 别口 (a straight line to 花岩 crosses Suining territory).
const LINKS: Readonly<Record<string, string>> = { "500152114": "500152123" };

const seatOf = (t: Town): LonLat => t.seat;
const short = (t: Town): string => t.name.replace(/(镇|街道)$/, "").slice(0, 1);

/**
 * County roads as a tree: each town links to the nearest seat that is closer to the core (the
 * core itself for the nearest ring), so roads fan out from the core the way county roads do.
 * Lines get two gentle bends from a fixed seed: roads do not change with the site seed.
 */
function countyRoads(): Road[] {
  const rng = createRng("tongnan-county-roads");
  const core = URBAN_CORE.center;
  const towns = TOWNS.filter((t) => t.kind === "town");
  return towns.map((town, i): Road => {
    const here = seatOf(town);
    const dCore = distanceKm(here, core);
    let target = LINKS[town.code] ? townByCode(LINKS[town.code] as string) : undefined;
    for (const o of target ? [] : towns) {
      const d = distanceKm(seatOf(o), here);
      const nearerCore = distanceKm(seatOf(o), core) < dCore - 2;
      if (o !== town && nearerCore && d < dCore && (!target || d < distanceKm(seatOf(target), here)))
        target = o;
    }
    const end: LonLat = target ? seatOf(target) : core;
    const [ax, ay] = toLocalKm(...here);
    const [bx, by] = toLocalKm(...end);
    const len = Math.hypot(bx - ax, by - ay) || 1;
    const bend = (t: number): LonLat => {
      const wobble = rng.range(-0.06, 0.06) * len; // km to the side of the straight line
      return fromLocalKm(
        ax + (bx - ax) * t - ((by - ay) / len) * wobble,
        ay + (by - ay) * t + ((bx - ax) / len) * wobble,
      );
    };
    return {
      id: `RD-X${String(i + 1).padStart(2, "0")}`,
      name: `${target ? short(target) : "潼"}${short(town)}路`,
      kind: "county",
      coordinates: [here, bend(1 / 3), bend(2 / 3), end],
      source: "generated",
    };
  });
}

let cached: Road[] | undefined;

/**
 * Tongnan's road network for generated sites: the real through routes (sketched), a generated
 * urban grid and generated county roads. Independent of the site seed. Returns a fresh copy.
 */
export function roadNetwork(): Road[] {
  cached ??= [
    ...ROAD_SKETCHES.map((r): Road => ({ ...r, source: "generated" })),
    ...urbanRoads().map((r): Road => ({ ...r, kind: "urban", source: "generated" })),
    ...countyRoads(),
  ];
  return structuredClone(cached);
}
