export { createEnergyMap } from "./energy-map.ts";
export type { EnergyMapOptions, EnergyMapPanel } from "./energy-map.ts";
export { rampColor, rampGradientCss, rampPosition } from "./color-ramp.ts";
export { geoBounds, labelPoint, shortTownName } from "./geo-helpers.ts";
