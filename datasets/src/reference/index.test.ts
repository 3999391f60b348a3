import { describe, expect, it } from "vitest";
import * as reference from "./index.ts";

describe("@citybrain/datasets/reference entry", () => {
  it("exposes the documented API", () => {
    for (const name of [
      "tongnanOutline",
      "TOWNS",
      "townCells",
      "townCellsFromGeoJSON",
      "wgs84ToGcj02",
      "gcj02ToWgs84",
      "pointInPolygon",
      "generateSites",
      "createRng",
      "mulberry32",
    ]) {
      expect(reference, name).toHaveProperty(name);
    }
  });
});
