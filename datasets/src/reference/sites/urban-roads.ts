import { fromLocalKm, toLocalKm, type LonLat } from "../local-projection.ts";
import { HIGH_TECH_ZONE, URBAN_CORE } from "../landmarks.ts";

/** An urban road with a generated name and line. */
export interface UrbanRoadSketch {
  id: string;
  name: string;
  coordinates: LonLat[];
}

/** A straight road through `center`, along unit direction `dir` (km), shifted by `shift` km. */
function line(center: LonLat, dir: [number, number], shift: [number, number], halfKm: number): LonLat[] {
  const [cx, cy] = toLocalKm(...center);
  const steps = Math.max(2, Math.round((2 * halfKm) / 0.5));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const s = -halfKm + (2 * halfKm * i) / steps;
    return fromLocalKm(cx + shift[0] + dir[0] * s, cy + shift[1] + dir[1] * s);
  });
}

const SE: [number, number] = [Math.SQRT1_2, -Math.SQRT1_2]; // along the 涪江 through the core
const NE: [number, number] = [Math.SQRT1_2, Math.SQRT1_2];

/**
 * A generated street grid: avenues parallel to the 涪江 through the urban core, cross streets,
 * and a rectangular grid in the high-tech zone. 兴潼大道 is a real avenue name; its line and all
 * other names here are generated for the demo.
 */
export function urbanRoads(): UrbanRoadSketch[] {
  const avenues: [string, number][] = [
    ["兴潼大道", -1.2],
    ["滨江路", -0.35],
    ["人民路", 0.5],
    ["金佛大道", 1.3],
  ];
  const cross: [string, number][] = [
    ["建设路", -2.4],
    ["文化路", -1.2],
    ["和平路", 0],
    ["东升路", 1.2],
    ["杨闇公大道", 2.4],
  ];
  const zoneEW: [string, number][] = [
    ["高新大道", -0.8],
    ["科技大道", 0],
    ["创新路", 0.8],
  ];
  const zoneNS: [string, number][] = [
    ["工业大道", -1.2],
    ["园区一路", 0],
    ["园区二路", 1.2],
  ];
  const roads: UrbanRoadSketch[] = [
    ...avenues.map(([name, v]) => ({
      name,
      coordinates: line(URBAN_CORE.center, SE, [NE[0] * v, NE[1] * v], 3.4),
    })),
    ...cross.map(([name, u]) => ({
      name,
      coordinates: line(URBAN_CORE.center, NE, [SE[0] * u, SE[1] * u], 1.8),
    })),
    ...zoneEW.map(([name, y]) => ({ name, coordinates: line(HIGH_TECH_ZONE.center, [1, 0], [0, y], 2) })),
    ...zoneNS.map(([name, x]) => ({ name, coordinates: line(HIGH_TECH_ZONE.center, [0, 1], [x, 0], 1.5) })),
  ].map((road, i) => ({ id: `RD-U${String(i + 1).padStart(2, "0")}`, ...road }));
  return roads;
}
