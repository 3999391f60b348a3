import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { geometryAreaKm2 } from "../geo-area.ts";
import { HIGH_TECH_ZONE, URBAN_CORE } from "../landmarks.ts";
import { distanceKm, toLocalKm, type LonLat } from "../local-projection.ts";
import { nearestTown } from "../nearest-town.ts";
import { pointInPolygon } from "../point-in-polygon.ts";
import { tongnanOutline } from "../tongnan-outline.ts";
import { generateSites } from "./generate-sites.ts";
import { densify, polylineLengthKm } from "./polyline.ts";
import {
  CameraSchema,
  EcoStationSchema,
  EnterpriseSchema,
  RoadSchema,
  SepticTankSchema,
  type GeneratedSites,
} from "./site-schemas.ts";

const sha256 = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** Shortest distance from a point to a polyline, km (projection onto each segment). */
function distanceToRoadKm(p: LonLat, coords: LonLat[]): number {
  const [px, py] = toLocalKm(...p);
  let best = Infinity;
  for (let i = 1; i < coords.length; i++) {
    const [ax, ay] = toLocalKm(...(coords[i - 1] as LonLat));
    const [bx, by] = toLocalKm(...(coords[i] as LonLat));
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t =
      len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2));
    best = Math.min(best, Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay)));
  }
  return best;
}

describe("generateSites", () => {
  let sites: GeneratedSites;
  let elapsedMs = 0;
  const outline = tongnanOutline().geometry;
  beforeAll(() => {
    generateSites({
      seed: "warm-up",
      counts: { cameras: 10, septicTanks: 1, ecoStations: 10, enterprises: 9 },
    });
    const t0 = performance.now();
    sites = generateSites({ seed: 42 });
    elapsedMs = performance.now() - t0;
  });

  it("makes exactly the inventory's counts, all valid records", () => {
    expect(sites.cameras).toHaveLength(12400);
    expect(sites.septicTanks).toHaveLength(152);
    expect(sites.ecoStations).toHaveLength(30);
    expect(sites.enterprises).toHaveLength(320);
    for (const r of sites.roads) RoadSchema.parse(r);
    for (const c of sites.cameras) CameraSchema.parse(c);
    for (const s of sites.septicTanks) SepticTankSchema.parse(s);
    for (const s of sites.ecoStations) EcoStationSchema.parse(s);
    for (const e of sites.enterprises) EnterpriseSchema.parse(e);
    expect(sites.cameras[0]?.id).toBe("CAM-00001");
    expect(sites.cameras.at(-1)?.id).toBe("CAM-12400");
    expect(sites.septicTanks.at(-1)?.id).toBe("SEP-152");
    expect(sites.ecoStations.at(-1)?.id).toBe("AIR-30");
    expect(sites.enterprises.at(-1)?.id).toBe("ENT-0320");
    expect(new Set(sites.cameras.map((c) => c.name)).size).toBe(12400);
  });

  it("puts every site and road inside the outline, in the town whose seat is nearest", () => {
    const points = [...sites.cameras, ...sites.septicTanks, ...sites.ecoStations, ...sites.enterprises];
    expect(points.filter((p) => !pointInPolygon([p.lon, p.lat], outline)).map((p) => p.id)).toEqual([]);
    expect(points.filter((p) => p.town_code !== nearestTown(p.lon, p.lat).code).map((p) => p.id)).toEqual([]);
    const roadsOutside = sites.roads.filter((r) =>
      densify(r.coordinates, 0.2).some((p) => !pointInPolygon(p, outline)),
    );
    expect(roadsOutside.map((r) => r.id)).toEqual([]);
  });

  it("is deterministic: same seed → identical JSON; another seed differs", () => {
    const again = generateSites({ seed: 42 });
    expect(sha256(again)).toBe(sha256(sites));
    const other = generateSites({ seed: 43 });
    expect(sha256(other.cameras)).not.toBe(sha256(sites.cameras));
    expect(sha256(other.enterprises)).not.toBe(sha256(sites.enterprises));
    expect(other.roads).toEqual(sites.roads); // the road network does not depend on the seed
  });

  it("is much denser in the urban core and high-tech zone than on average", () => {
    const avgPerKm2 = sites.cameras.length / geometryAreaKm2(outline);
    const within = (zone: typeof URBAN_CORE) =>
      sites.cameras.filter((c) => distanceKm([c.lon, c.lat], zone.center) <= zone.radiusKm);
    const perKm2 = (zone: typeof URBAN_CORE) => within(zone).length / (Math.PI * zone.radiusKm ** 2);
    expect(perKm2(URBAN_CORE) / avgPerKm2).toBeGreaterThan(10);
    expect(perKm2(HIGH_TECH_ZONE) / avgPerKm2).toBeGreaterThan(3);
    const inZone = sites.enterprises.filter((e) => distanceKm([e.lon, e.lat], HIGH_TECH_ZONE.center) <= 4);
    expect(inZone.length / sites.enterprises.length).toBeGreaterThan(0.4);
  });

  it("attaches road cameras to a road within tens of metres; flags 4 real-video cameras in the core", () => {
    const roads = new Map(sites.roads.map((r) => [r.id, r]));
    const roadBound = sites.cameras.filter((c) => ["road", "intersection", "highway"].includes(c.kind));
    const misplaced = roadBound.filter((c) => {
      const road = roads.get(c.road_id ?? "");
      if (!road || (c.kind === "highway" && road.kind !== "expressway")) return true;
      // Intersection cameras sit at a crossing on this road, jittered by ~12 m.
      return distanceToRoadKm([c.lon, c.lat], road.coordinates) > (c.kind === "intersection" ? 0.06 : 0.04);
    });
    expect(misplaced.map((c) => c.id)).toEqual([]);
    expect(sites.cameras.filter((c) => !roadBound.includes(c)).every((c) => c.road_id === null)).toBe(true);
    const real = sites.cameras.filter((c) => c.realVideo);
    expect(real).toHaveLength(4);
    for (const c of real)
      expect(distanceKm([c.lon, c.lat], URBAN_CORE.center)).toBeLessThan(URBAN_CORE.radiusKm);
  });

  it("has the named through routes and county roads to every town", () => {
    const names = sites.roads.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["渝遂高速", "潼荣高速", "G319国道", "兴潼大道"]));
    expect(sites.roads.filter((r) => r.kind === "county")).toHaveLength(20);
    const expressKm = sites.roads
      .filter((r) => r.kind === "expressway")
      .reduce((s, r) => s + polylineLengthKm(r.coordinates), 0);
    expect(expressKm).toBeGreaterThan(60);
  });

  it("models key enterprises and energy use realistically", () => {
    const e = sites.enterprises;
    const total = e.reduce((s, x) => s + x.annual_tce, 0);
    expect(total).toBeGreaterThan(1e5);
    expect(total).toBeLessThan(1e6);
    for (const x of e) {
      if (x.scale === "key") expect(x.annual_tce).toBeGreaterThanOrEqual(5000);
      else expect(x.annual_tce).toBeLessThan(5000);
      expect(x.carriers[0]).toBe("electricity");
    }
    expect(e.filter((x) => x.industry === "lemon")).toHaveLength(32);
    expect(new Set(e.map((x) => x.industry)).size).toBe(9);
    expect(new Set(e.map((x) => x.name)).size).toBe(e.length);
  });

  it("spreads eco stations over the four kinds", () => {
    const kinds = sites.ecoStations.map((s) => s.kind);
    expect(kinds.filter((k) => k === "urban")).toHaveLength(5);
    expect(kinds.filter((k) => k === "industrial")).toHaveLength(5);
    expect(kinds.filter((k) => k === "background")).toHaveLength(3);
    expect(kinds.filter((k) => k === "town")).toHaveLength(17);
  });

  it("runs well under a second", () => {
    // Generous bound for slow CI machines; typically ~0.2 s here.
    expect(elapsedMs).toBeLessThan(2000);
  });
});
