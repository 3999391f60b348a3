export { carrierShares, createEnergyMixPanel } from "./energy-mix-panel.ts";
