import type { LonLat } from "./local-projection.ts";

/**
 * Approximate places that shape where generated sites go (GCJ-02). Positions are estimates from
 * public descriptions, good to a few kilometres; the zone radii are generated choices.
 */

/** A named place with a radius of influence. */
export interface Zone {
  name: string;
  center: LonLat;
  radiusKm: number;
  /** Code of the town the zone belongs to. */
  townCode: string;
}

/** The urban core (桂林/梓潼/大佛 streets, on the 涪江). */
export const URBAN_CORE: Zone = {
  name: "潼南城区",
  center: [105.84, 30.19],
  radiusKm: 3,
  townCode: "500152001",
};

/** 潼南高新区, next to the urban core on its east/south-east side. */
export const HIGH_TECH_ZONE: Zone = {
  name: "潼南高新区",
  center: [105.875, 30.165],
  radiusKm: 2.5,
  townCode: "500152002",
};

/** Town industrial parks (generated placement near real town seats). */
export const INDUSTRIAL_PARKS: readonly Zone[] = [
  { name: "塘坝工业园", center: [105.842, 29.978], radiusKm: 1.2, townCode: "500152115" },
  { name: "柏梓工业园", center: [105.667, 30.085], radiusKm: 1, townCode: "500152113" },
  { name: "双江工业园", center: [105.782, 30.26], radiusKm: 1, townCode: "500152110" },
  { name: "米心工业园", center: [105.922, 30.118], radiusKm: 0.8, townCode: "500152108" },
];

/** Tourist sites named in public sources; positions approximate. */
export const SCENIC_SPOTS: readonly Zone[] = [
  { name: "大佛寺", center: [105.818, 30.203], radiusKm: 0.5, townCode: "500152003" },
  { name: "双江古镇", center: [105.769, 30.271], radiusKm: 0.6, townCode: "500152110" },
  { name: "杨闇公旧居", center: [105.776, 30.274], radiusKm: 0.3, townCode: "500152110" },
  { name: "陈抟故里油菜花海", center: [105.612, 30.16], radiusKm: 1.5, townCode: "500152114" },
  { name: "马龙山", center: [105.79, 29.888], radiusKm: 0.5, townCode: "500152120" },
];
