import { describe, expect, it } from "vitest";
import { geoBounds, labelPoint, shortTownName } from "./geo-helpers.ts";

const square = (x: number, y: number, s: number): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe("map geometry helpers", () => {
  it("finds bounds over polygons and multipolygons", () => {
    expect(
      geoBounds([
        { type: "Polygon", coordinates: [square(105, 30, 1)] },
        { type: "MultiPolygon", coordinates: [[square(104, 29.5, 0.2)]] },
      ]),
    ).toEqual([
      [104, 29.5],
      [106, 31],
    ]);
  });

  it("labels the largest part at its centroid", () => {
    expect(labelPoint({ type: "Polygon", coordinates: [square(0, 0, 2)] })).toEqual([1, 1]);
    expect(
      labelPoint({ type: "MultiPolygon", coordinates: [[square(10, 10, 0.1)], [square(0, 0, 4)]] }),
    ).toEqual([2, 2]);
  });

  it("shortens town names for labels", () => {
    expect(shortTownName("桂林街道")).toBe("桂林");
    expect(shortTownName("双江镇")).toBe("双江");
    expect(shortTownName("某镇")).toBe("某镇");
  });
});
