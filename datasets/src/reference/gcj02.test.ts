import { describe, expect, it } from "vitest";
import { distanceKm } from "./local-projection.ts";
import { gcj02ToWgs84, wgs84ToGcj02 } from "./gcj02.ts";

describe("wgs84ToGcj02 / gcj02ToWgs84", () => {
  it("matches the reference output of the widely used public implementation", () => {
    // coordtransform (wandergis) README: wgs84togcj02(116.404, 39.915).
    const [lon, lat] = wgs84ToGcj02(116.404, 39.915);
    expect(lon).toBeCloseTo(116.41024449916938, 12);
    expect(lat).toBeCloseTo(39.91640428150164, 12);
  });

  it("round-trips points in Tongnan and Beijing within 1e-5°", () => {
    for (const [lon, lat] of [
      [105.84, 30.19],
      [105.6, 30.17],
      [116.404, 39.915],
    ] as const) {
      const [gLon, gLat] = wgs84ToGcj02(lon, lat);
      const [wLon, wLat] = gcj02ToWgs84(gLon, gLat);
      expect(Math.abs(wLon - lon)).toBeLessThan(1e-5);
      expect(Math.abs(wLat - lat)).toBeLessThan(1e-5);
    }
  });

  it("shifts Tongnan by a few hundred metres, as GCJ-02 does in Sichuan–Chongqing", () => {
    const shift = distanceKm([105.84, 30.19], wgs84ToGcj02(105.84, 30.19));
    expect(shift).toBeGreaterThan(0.2);
    expect(shift).toBeLessThan(0.8);
  });

  it("leaves points outside China unchanged", () => {
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84(2.35, 48.85)).toEqual([2.35, 48.85]);
  });
});
