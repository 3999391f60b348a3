import { defineStream, nullable, t } from "../../schema/index.ts";

const conc = (doc: string, unit = "µg/m³") => nullable(t.float(doc, { min: 0, max: 5000, unit }));

/** Eco-environment stations: hourly means of the six criteria pollutants and noise. */
export const air = defineStream({
  name: "air",
  title: { zh: "生态环境监测", en: "Air quality and noise" },
  grain: "1h",
  timeField: "ts",
  key: ["station_id", "ts"],
  fields: {
    ts: t.timestamp("start of the hour (UTC)"),
    station_id: t.id("station id, e.g. AIR-01"),
    town_code: t.id("town/street code"),
    pm25: conc("PM2.5 hourly mean"),
    pm10: conc("PM10 hourly mean"),
    so2: conc("SO2 hourly mean"),
    no2: conc("NO2 hourly mean"),
    co: conc("CO hourly mean", "mg/m³"),
    o3: conc("O3 hourly mean"),
    noise_db: nullable(t.float("equivalent sound level", { min: 0, max: 140, unit: "dB(A)" })),
  },
});
