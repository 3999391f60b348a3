import { Delaunay } from "d3-delaunay";
import { toLocalKm } from "./local-projection.ts";
import { TOWNS, type Town } from "./towns.ts";

let index: Delaunay<[number, number]> | undefined;

/**
 * The town whose seat is nearest on the ground: the same rule that shapes {@link townCells}, so
 * a point's town agrees with the approximate cell it falls in.
 */
export function nearestTown(lon: number, lat: number): Town {
  index ??= Delaunay.from(TOWNS.map((t) => toLocalKm(...t.seat)));
  const [x, y] = toLocalKm(lon, lat);
  return TOWNS[index.find(x, y)] as Town;
}
