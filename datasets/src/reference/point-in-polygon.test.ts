import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { createPointTester, pointInPolygon } from "./point-in-polygon.ts";

const squareWithHole: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
    [
      [4, 4],
      [4, 6],
      [6, 6],
      [6, 4],
      [4, 4],
    ],
  ],
};

const two: MultiPolygon = {
  type: "MultiPolygon",
  coordinates: [
    squareWithHole.coordinates,
    [
      [
        [20, 0],
        [22, 0],
        [21, 2],
        [20, 0],
      ],
    ],
  ],
};

describe("pointInPolygon", () => {
  it("counts the inside of outer rings and excludes holes", () => {
    expect(pointInPolygon([1, 1], squareWithHole)).toBe(true);
    expect(pointInPolygon([5, 5], squareWithHole)).toBe(false);
    expect(pointInPolygon([11, 5], squareWithHole)).toBe(false);
    expect(pointInPolygon([-0.1, 5], squareWithHole)).toBe(false);
  });

  it("handles every part of a MultiPolygon", () => {
    expect(pointInPolygon([21, 1], two)).toBe(true);
    expect(pointInPolygon([20.2, 1.5], two)).toBe(false);
    expect(pointInPolygon([9, 9], two)).toBe(true);
  });

  it("agrees with the bounding-box-accelerated tester", () => {
    const inside = createPointTester(two);
    for (let x = -2; x <= 24; x += 0.37) {
      for (let y = -2; y <= 12; y += 0.41) {
        expect(inside(x, y)).toBe(pointInPolygon([x, y], two));
      }
    }
  });
});

describe("createPointTester on the district outline", () => {
  it("agrees with pointInPolygon at 20,000 random points", async () => {
    const { tongnanOutline } = await import("./tongnan-outline.ts");
    const { createRng } = await import("./random.ts");
    const outline = tongnanOutline().geometry;
    const inside = createPointTester(outline);
    const rng = createRng("pip");
    let hits = 0;
    const disagreements: [number, number][] = [];
    for (let i = 0; i < 20000; i++) {
      const p: [number, number] = [rng.range(105.5, 106.05), rng.range(29.75, 30.46)];
      const expected = pointInPolygon(p, outline);
      if (inside(p[0], p[1]) !== expected) disagreements.push(p);
      if (expected) hits++;
    }
    expect(disagreements).toEqual([]);
    expect(hits).toBeGreaterThan(5000);
  });
});
