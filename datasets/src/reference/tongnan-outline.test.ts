import { geoArea } from "d3-geo";
import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { geometryAreaKm2 } from "./geo-area.ts";
import { EARTH_RADIUS_KM } from "./local-projection.ts";
import { pointInPolygon } from "./point-in-polygon.ts";
import { polygonsOf } from "./polygons-of.ts";
import { tongnanOutline } from "./tongnan-outline.ts";

function rewoundForD3(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const reverse = (rings: number[][][]) => rings.map((ring) => [...ring].reverse());
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: reverse(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(reverse) };
}

/** Area-weighted planar centroid of the outer rings (fine at district scale). */
function centroid(geometry: Polygon | MultiPolygon): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  // Rings are RFC 7946-wound, so holes (clockwise) subtract by themselves.
  for (const ring of polygonsOf(geometry).flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i] as [number, number];
      const [x2, y2] = ring[i + 1] as [number, number];
      const cross = x1 * y2 - x2 * y1;
      a += cross;
      cx += (x1 + x2) * cross;
      cy += (y1 + y2) * cross;
    }
  }
  return [cx / (3 * a), cy / (3 * a)];
}

describe("tongnanOutline", () => {
  const outline = tongnanOutline();

  it("is the 潼南区 feature with about 780 vertices", () => {
    expect(outline.properties.code).toBe("500152");
    expect(outline.properties.name).toBe("潼南区");
    const polygons = polygonsOf(outline.geometry);
    const vertices = polygons.flat().reduce((n, ring) => n + ring.length, 0);
    expect(vertices).toBeGreaterThan(700);
    expect(vertices).toBeLessThan(850);
  });

  it("has the official area (1,583 km²) within 10 %, by d3-geo and by our own formula", () => {
    const d3Km2 = geoArea(rewoundForD3(outline.geometry)) * EARTH_RADIUS_KM ** 2;
    expect(Math.abs(d3Km2 - 1583) / 1583).toBeLessThan(0.1);
    expect(Math.abs(geometryAreaKm2(outline.geometry) - d3Km2) / d3Km2).toBeLessThan(1e-3);
  });

  it("has its centroid near 105.8 E, 30.2 N and its bounding box where the district is", () => {
    const [lon, lat] = centroid(outline.geometry);
    expect(Math.abs(lon - 105.8)).toBeLessThan(0.1);
    expect(Math.abs(lat - 30.2)).toBeLessThan(0.1);
    const xs = polygonsOf(outline.geometry)
      .flat(2)
      .map((p) => p[0] as number);
    expect(Math.min(...xs)).toBeCloseTo(105.53, 1);
    expect(Math.max(...xs)).toBeCloseTo(106.02, 1);
  });

  it("uses RFC 7946 winding (outer rings counter-clockwise) and contains the urban core", () => {
    const polygons = polygonsOf(outline.geometry);
    for (const rings of polygons) {
      const ring = rings[0] ?? [];
      let signed = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i] as [number, number];
        const [x2, y2] = ring[i + 1] as [number, number];
        signed += x1 * y2 - x2 * y1;
      }
      expect(signed).toBeGreaterThan(0);
    }
    expect(pointInPolygon([105.84, 30.19], outline.geometry)).toBe(true);
    expect(pointInPolygon([106.3, 29.6], outline.geometry)).toBe(false);
  });

  it("returns a copy, so callers cannot corrupt the cache", () => {
    const a = tongnanOutline();
    a.geometry.coordinates.length = 0;
    expect(tongnanOutline().geometry.coordinates.length).toBeGreaterThan(0);
  });
});
