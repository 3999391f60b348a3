import type { Feature, FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import { townCells } from "./town-cells.ts";
import { townCellsFromGeoJSON } from "./town-cells-from-geojson.ts";

/** A user-style boundary file built from the approximate cells, with user-style properties. */
function userFile(edit?: (features: Feature[]) => void): FeatureCollection {
  const features: Feature[] = townCells().features.map((f, i) => ({
    type: "Feature",
    // Alternate the ways users identify towns: 12-digit statistical code, short name, full name.
    properties:
      i % 3 === 0
        ? { adcode: `${f.properties.code}000` }
        : i % 3 === 1
          ? { NAME: f.properties.name.replace(/镇$/, "") }
          : { name: f.properties.name },
    geometry: f.geometry,
  }));
  edit?.(features);
  return { type: "FeatureCollection", features };
}

const square = (lon: number, lat: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.01],
      [lon, lat],
    ],
  ],
});

describe("townCellsFromGeoJSON", () => {
  it("matches features by code or name and marks the result not approximate", () => {
    const cells = townCellsFromGeoJSON(userFile());
    expect(cells.features).toHaveLength(23);
    expect(cells.features.every((f) => f.properties.approximate === false)).toBe(true);
    expect(cells.features.map((f) => f.geometry)).toEqual(townCells().features.map((f) => f.geometry));
    expect(cells.features[3]?.properties).toEqual({
      code: "500152101",
      name: "上和镇",
      kind: "town",
      approximate: false,
    });
  });

  it("converts WGS-84 input to GCJ-02 when told", () => {
    const gcj = townCellsFromGeoJSON(userFile());
    const fromWgs = townCellsFromGeoJSON(userFile(), { crs: "wgs84" });
    const a = gcj.features[0]?.geometry.coordinates.flat(3) as number[];
    const b = fromWgs.features[0]?.geometry.coordinates.flat(3) as number[];
    expect(b[0]! - a[0]!).toBeGreaterThan(0.001); // GCJ-02 lies east of WGS-84 here
  });

  it("names the feature index and the problem", () => {
    const bad = userFile((fs) => {
      fs[2] = { ...fs[2]!, geometry: { type: "Point", coordinates: [105.8, 30.2] } };
      fs[4] = { ...fs[4]!, geometry: square(12000000, 3500000) };
      fs[5] = { type: "Feature", properties: { name: "不存在镇" }, geometry: square(105.8, 30.2) };
      const open = square(105.8, 30.2);
      open.coordinates[0]!.push([105.805, 30.2]);
      fs[6] = { ...fs[6]!, geometry: open };
      fs.push({ ...fs[0]! });
    });
    let message = "";
    try {
      townCellsFromGeoJSON(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/feature 2 \(大佛街道\): geometry must be Polygon or MultiPolygon, got Point/);
    expect(message).toMatch(
      /feature 4 \(.+\), geometry\.coordinates\[0\]\[0\]\[0\]: \[12000000, 3500000\] is not near Tongnan.*projected metres/,
    );
    expect(message).toMatch(/feature 5: no Tongnan town has name "不存在镇"/);
    expect(message).toMatch(/feature 6 \(.+\), geometry\.coordinates\[0\]\[0\]: ring is not closed/);
    expect(message).toMatch(/feature 23 \(桂林街道\): duplicate; feature 0 is already 桂林街道/);
    expect(message).toMatch(/no feature for .*pass \{ allowMissing: true \}/);
  });

  it("rejects something that is not a FeatureCollection, and accepts a partial set when allowed", () => {
    expect(() => townCellsFromGeoJSON({ type: "Feature" })).toThrow(/expected a GeoJSON FeatureCollection/);
    const partial = userFile((fs) => fs.splice(5));
    expect(() => townCellsFromGeoJSON(partial)).toThrow(/no feature for/);
    expect(townCellsFromGeoJSON(partial, { allowMissing: true }).features).toHaveLength(5);
  });
});
