/** Energy carriers metered by the energy big-data system, with their native units. */
export const CARRIERS = ["electricity", "water", "gas", "oil"] as const;
export type Carrier = (typeof CARRIERS)[number];
export const CARRIER_UNITS: Record<Carrier, string> = { electricity: "kWh", water: "t", gas: "m³", oil: "L" };

/** Industry codes of Tongnan's enterprises (see DOMAIN.md). */
export const INDUSTRIES = [
  "equipment",
  "chemical",
  "consumer",
  "building",
  "eco",
  "lemon",
  "vegetable",
  "commercial",
  "public",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Road-user classes counted by the vision system. */
export const TRAFFIC_CLASSES = ["car", "bus", "truck", "motorcycle", "bicycle", "person"] as const;
export type TrafficClass = (typeof TRAFFIC_CLASSES)[number];

/** Alarm levels 一/二/三/四级 (red / orange / yellow / blue). */
export const SEVERITIES = ["critical", "major", "minor", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
