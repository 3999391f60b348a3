import type { LonLat } from "../local-projection.ts";
import { TOWNS } from "../towns.ts";
import { segmentIntersection } from "./polyline.ts";
import type { Road } from "./site-schemas.ts";

/** A road junction where intersection cameras go. */
export interface Junction {
  point: LonLat;
  /** e.g. "兴潼大道与和平路路口" or "兴潼大道路口". */
  label: string;
  roadId: string;
  weight: number;
}

/**
 * Junctions of the road network: crossings of surface roads (heavy weight), points every
 * 0.5 km along urban roads standing for minor side-street junctions, and each town's main
 * crossroads at its seat. Expressways have no at-grade junctions.
 */
export function findJunctions(roads: readonly Road[]): Junction[] {
  const surface = roads.filter((r) => r.kind !== "expressway");
  const out: Junction[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < surface.length; i++) {
    for (let j = i + 1; j < surface.length; j++) {
      const a = surface[i] as Road;
      const b = surface[j] as Road;
      for (let s = 1; s < a.coordinates.length; s++) {
        for (let t = 1; t < b.coordinates.length; t++) {
          const p = segmentIntersection(
            a.coordinates[s - 1] as LonLat,
            a.coordinates[s] as LonLat,
            b.coordinates[t - 1] as LonLat,
            b.coordinates[t] as LonLat,
          );
          const key = p && `${p[0].toFixed(4)},${p[1].toFixed(4)}`;
          if (!p || !key || seen.has(key)) continue;
          seen.add(key);
          const urban = a.kind === "urban" || b.kind === "urban";
          out.push({ point: p, label: `${a.name}与${b.name}路口`, roadId: a.id, weight: urban ? 8 : 3 });
        }
      }
    }
  }
  for (const road of surface.filter((r) => r.kind === "urban")) {
    for (const p of road.coordinates.slice(1, -1)) {
      out.push({ point: p, label: `${road.name}路口`, roadId: road.id, weight: 1.5 });
    }
  }
  for (const town of TOWNS.filter((t) => t.kind === "town")) {
    const road = roads.find(
      (r) =>
        r.kind === "county" &&
        r.coordinates[0]?.[0] === town.seat[0] &&
        r.coordinates[0]?.[1] === town.seat[1],
    );
    if (!road) continue;
    const label = `${town.name.replace(/镇$/, "")}场镇十字路口`;
    out.push({ point: town.seat, label, roadId: road.id, weight: 4 });
  }
  return out;
}
