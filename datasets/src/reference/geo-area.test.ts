import { geoArea } from "d3-geo";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { geometryAreaKm2, ringAreaKm2 } from "./geo-area.ts";
import { EARTH_RADIUS_KM } from "./local-projection.ts";

const cell = (lon: number, lat: number, size: number): number[][] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];

describe("geometryAreaKm2", () => {
  it("agrees with d3-geo's spherical area for a 0.5° cell at Tongnan's latitude", () => {
    const ccw = cell(105.5, 30, 0.5);
    const d3 = geoArea({ type: "Polygon", coordinates: [[...ccw].reverse()] }) * EARTH_RADIUS_KM ** 2;
    expect(ringAreaKm2(ccw) / d3).toBeCloseTo(1, 4); // d3 uses great-circle edges
    expect(d3).toBeGreaterThan(2500);
    expect(d3).toBeLessThan(2700);
  });

  it("ignores winding and subtracts holes", () => {
    const outer = cell(105, 30, 1);
    const hole = cell(105.25, 30.25, 0.5).reverse();
    const polygon: Polygon = { type: "Polygon", coordinates: [outer, hole] };
    expect(ringAreaKm2([...outer].reverse())).toBeCloseTo(ringAreaKm2(outer), 9);
    expect(geometryAreaKm2(polygon)).toBeCloseTo(ringAreaKm2(outer) - ringAreaKm2(hole), 6);
  });
});
