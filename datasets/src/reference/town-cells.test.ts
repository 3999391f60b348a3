import type { MultiPolygon, Polygon } from "geojson";
import polygonClipping from "polygon-clipping";
import { describe, expect, it } from "vitest";
import { geometryAreaKm2 } from "./geo-area.ts";
import { nearestTown } from "./nearest-town.ts";
import { pointInPolygon } from "./point-in-polygon.ts";
import { polygonsOf } from "./polygons-of.ts";
import { createRng } from "./random.ts";
import { townCells } from "./town-cells.ts";
import { tongnanOutline } from "./tongnan-outline.ts";
import { TOWNS } from "./towns.ts";

const asClip = (g: Polygon | MultiPolygon) => polygonsOf(g) as polygonClipping.MultiPolygon;

describe("townCells", () => {
  const cells = townCells();
  const outline = tongnanOutline().geometry;
  const outlineKm2 = geometryAreaKm2(outline);

  it("has one approximate feature per town, in TOWNS order", () => {
    expect(cells.features.map((f) => f.properties.code)).toEqual(TOWNS.map((t) => t.code));
    for (const f of cells.features) {
      expect(f.properties.approximate).toBe(true);
      expect(["Polygon", "MultiPolygon"]).toContain(f.geometry.type);
    }
  });

  it("covers the outline without material overlap", () => {
    const areas = cells.features.map((f) => geometryAreaKm2(f.geometry));
    const sum = areas.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - outlineKm2) / outlineKm2).toBeLessThan(0.01);
    const [first, ...rest] = cells.features.map((f) => asClip(f.geometry));
    const union = polygonClipping.union(first ?? [], ...rest);
    const unionKm2 = geometryAreaKm2({ type: "MultiPolygon", coordinates: union });
    expect(Math.abs(unionKm2 - outlineKm2) / outlineKm2).toBeLessThan(0.01);
    expect((sum - unionKm2) / outlineKm2).toBeLessThan(0.001); // overlap would make sum > union
    for (const a of areas) expect(a).toBeGreaterThan(10); // no sliver towns
  });

  it("puts every seat in its own cell and agrees with nearestTown", () => {
    cells.features.forEach((f, i) => {
      const town = TOWNS[i];
      expect(town && pointInPolygon(town.seat, f.geometry)).toBe(true);
    });
    const rng = createRng("cells");
    for (let i = 0; i < 300; i++) {
      const p: [number, number] = [rng.range(105.55, 106), rng.range(29.8, 30.43)];
      const cell = cells.features.find((f) => pointInPolygon(p, f.geometry));
      if (!cell) continue; // outside the district
      expect(nearestTown(p[0], p[1]).code).toBe(cell.properties.code);
    }
  });
});
