import { defineStream, t } from "../../schema/index.ts";

/** Septic-tank online monitors: gas and level readings every 5 minutes. */
export const septic = defineStream({
  name: "septic",
  title: { zh: "化粪池在线监测", en: "Septic-tank monitoring" },
  grain: "5m",
  timeField: "ts",
  key: ["monitor_id", "ts"],
  fields: {
    ts: t.timestamp("reading time (UTC)"),
    monitor_id: t.id("monitor id, e.g. SEP-001"),
    town_code: t.id("town/street code"),
    ch4_lel: t.float("methane concentration", { min: 0, max: 100, unit: "%LEL" }),
    h2s_ppm: t.float("hydrogen sulphide", { min: 0, max: 1000, unit: "ppm" }),
    level_pct: t.float("liquid level as a share of depth", { min: 0, max: 100, unit: "%" }),
    temperature_c: t.float("temperature in the tank", { min: -30, max: 80, unit: "°C" }),
  },
});
