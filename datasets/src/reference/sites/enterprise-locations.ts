import { HIGH_TECH_ZONE, INDUSTRIAL_PARKS, URBAN_CORE } from "../landmarks.ts";
import { townByCode } from "../towns.ts";
import type { DensityPart } from "./sampler.ts";

// Density building blocks for where firms of an industry sit (generated choices).

/** A blob over the high-tech zone. */
export const ht = (weight: number): DensityPart => ({
  kind: "gaussian",
  center: HIGH_TECH_ZONE.center,
  sigmaKm: 1,
  weight,
});
/** Blobs over the town industrial parks, sharing `weight`. */
export const parks = (weight: number): DensityPart[] =>
  INDUSTRIAL_PARKS.map((p) => ({
    kind: "gaussian",
    center: p.center,
    sigmaKm: 0.6,
    weight: weight / INDUSTRIAL_PARKS.length,
  }));
/** Blobs around the given towns' seats, sharing `weight`. */
export const towns = (codes: readonly string[], weight: number, sigmaKm: number): DensityPart[] =>
  codes.map((code) => {
    const { seat } = townByCode(code);
    return { kind: "gaussian", center: seat, sigmaKm, weight: weight / codes.length };
  });
/** A blob over the urban core. */
export const core = (weight: number, sigmaKm: number): DensityPart => ({
  kind: "gaussian",
  center: URBAN_CORE.center,
  sigmaKm,
  weight,
});

// Lemon orchards and plants cluster along the 琼江 (太安, 柏梓, 崇龛, 别口, 五桂); vegetables in the
// 涪江 valley around the core and a few large southern towns. Approximate, generated choices.
export const LEMON_TOWNS = ["500152117", "500152113", "500152114", "500152123", "500152121"];
export const VEGETABLE_TOWNS = [
  "500152001",
  "500152002",
  "500152108",
  "500152117",
  "500152115",
  "500152102",
  "500152109",
];
