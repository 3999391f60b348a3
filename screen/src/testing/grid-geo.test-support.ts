// Test support only: a synthetic 5×5 grid of town cells (23 used) over Tongnan's extent.
import type { Feature, FeatureCollection, Polygon } from "geojson";
import type { FixtureTown } from "./energy-fixture.test-support.ts";

const WEST = 105.55;
const SOUTH = 29.8;
const STEP = 0.11;

function rect(x0: number, y0: number, x1: number, y1: number): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

/** The grid's outline (one rectangle) and one cell per town, row-major from the north-west. */
export function gridGeo(towns: readonly FixtureTown[]): {
  outline: Feature<Polygon>;
  towns: FeatureCollection<Polygon>;
} {
  const size = 5;
  const features = towns.slice(0, size * size).map((t, i) => {
    const col = i % size;
    const row = Math.floor(i / size);
    const north = SOUTH + STEP * (size - row);
    return {
      type: "Feature" as const,
      properties: {
        code: t.code,
        name: t.name,
        kind: t.name.endsWith("街道") ? "street" : "town",
        approximate: true,
      },
      geometry: rect(WEST + STEP * col, north - STEP, WEST + STEP * (col + 1), north),
    };
  });
  return {
    outline: {
      type: "Feature",
      properties: {},
      geometry: rect(WEST, SOUTH, WEST + STEP * size, SOUTH + STEP * size),
    },
    towns: { type: "FeatureCollection", features },
  };
}

/** Index of the cell under the grid's centre (what a click in the middle of the map hits). */
export const CENTRE_CELL = 12;
