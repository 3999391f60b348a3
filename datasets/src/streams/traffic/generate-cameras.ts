/**
 * Counting cameras: which of the 12,400 cameras count traffic in a run, on which road, how
 * busy they are and who uses the road. Flows, class mixes and speeds are invented but shaped on
 * Chinese county-town roads: motorcycles are common on rural Chongqing roads, trucks on the
 * national road and highway, visitors at scenic spots.
 */
import { rngFor } from "../../generators/random.ts";
import { selectCountingCameras } from "../../generators/select-sites.ts";
import type { CameraShape, RoadShape } from "../../generators/site-shapes.ts";
import type { TrafficCategory } from "../../generators/traffic-cycles.ts";

/** A camera that counts, with its flow parameters. */
export interface CountingCamera {
  readonly camera: CameraShape;
  readonly category: TrafficCategory;
  readonly roadId: string;
  /** Counting lines: intersections watch two approaches. */
  readonly lines: readonly string[];
  /** Vehicles per minute per direction at the workday peak. */
  readonly peak: number;
  /** Pedestrians per minute per direction at the peak. */
  readonly personPeak: number;
  /** Shares of car, bus, truck, motorcycle, bicycle among vehicles. */
  readonly shares: readonly number[];
  /** Free-flow speed of car, bus, truck, motorcycle, bicycle, person, km/h. */
  readonly freeSpeed: readonly number[];
  /** +1 or -1: which direction carries the morning inbound flow. */
  readonly inbound: number;
}

const URBAN_CORE = new Set(["500152001", "500152002", "500152003"]);
const PROFILE: Record<TrafficCategory, { peak: number; person: number; shares: number[]; speed: number[] }> =
  {
    urban: { peak: 12, person: 5, shares: [0.7, 0.03, 0.04, 0.18, 0.05], speed: [40, 28, 32, 35, 14, 4.8] },
    arterial: { peak: 9, person: 1.5, shares: [0.6, 0.04, 0.15, 0.18, 0.03], speed: [55, 45, 48, 45, 16, 5] },
    rural: { peak: 2.5, person: 1, shares: [0.4, 0.04, 0.14, 0.38, 0.04], speed: [45, 38, 40, 40, 15, 4.8] },
    highway: { peak: 7, person: 0, shares: [0.72, 0.05, 0.23, 0, 0], speed: [60, 55, 50, 0, 0, 0] },
    scenic: { peak: 2, person: 6, shares: [0.7, 0.08, 0.02, 0.15, 0.05], speed: [25, 20, 20, 22, 12, 4] },
  };

function categoryOf(camera: CameraShape, roadKind: string | undefined): TrafficCategory {
  if (camera.kind === "highway" || roadKind === "expressway") return "highway";
  if (camera.kind === "scenic") return "scenic";
  if (roadKind === "national") return "arterial";
  if (roadKind === "urban" || URBAN_CORE.has(camera.town_code)) return "urban";
  return "rural";
}

function nearestRoad(camera: CameraShape, roads: readonly RoadShape[]): RoadShape | undefined {
  let best: RoadShape | undefined;
  let bestD = Infinity;
  for (const road of roads) {
    for (const [lon, lat] of road.coordinates ?? []) {
      const d = (lon - camera.lon) ** 2 + (lat - camera.lat) ** 2;
      if (d < bestD) [best, bestD] = [road, d];
    }
  }
  return best;
}

/**
 * The counting cameras of a run: `n` cameras spread over intersections, highway entrances,
 * roads and scenic spots. A camera without a road takes the nearest road; without roads to
 * look at, it is skipped (its rows would need a null road id).
 */
export function countingCameras(
  seed: number,
  cameras: readonly CameraShape[],
  roads: readonly RoadShape[],
  n: number,
): CountingCamera[] {
  const byId = new Map(roads.map((r) => [r.id, r]));
  const candidates = cameras.filter((c) => c.road_id || roads.some((r) => r.coordinates?.length));
  return selectCountingCameras(candidates, n).map((camera) => {
    const road = (camera.road_id ? byId.get(camera.road_id) : undefined) ?? nearestRoad(camera, roads);
    const category = categoryOf(camera, road?.kind);
    const p = PROFILE[category];
    const rng = rngFor(seed, "traffic", camera.id);
    const size = rng.range(0.6, 1.3);
    return {
      camera,
      category,
      roadId: camera.road_id ?? road?.id ?? "",
      lines: camera.kind === "intersection" ? ["L1", "L2"] : ["L1"],
      peak: p.peak * size,
      personPeak: p.person * size,
      shares: p.shares,
      freeSpeed: p.speed.map((v) => v * rng.range(0.9, 1.1)),
      inbound: rng.chance(0.5) ? 1 : -1,
    };
  });
}
