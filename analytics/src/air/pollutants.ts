/** The six criteria pollutants of GB 3095-2012, as named in the `air` stream. */
export const POLLUTANTS = ["pm25", "pm10", "so2", "no2", "co", "o3"] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** Display names of each pollutant (zh, en, and the symbol used on screens). */
export const POLLUTANT_NAMES: Readonly<Record<Pollutant, { zh: string; en: string; symbol: string }>> = {
  pm25: { zh: "细颗粒物", en: "Fine particulate matter", symbol: "PM2.5" },
  pm10: { zh: "可吸入颗粒物", en: "Inhalable particulate matter", symbol: "PM10" },
  so2: { zh: "二氧化硫", en: "Sulphur dioxide", symbol: "SO₂" },
  no2: { zh: "二氧化氮", en: "Nitrogen dioxide", symbol: "NO₂" },
  co: { zh: "一氧化碳", en: "Carbon monoxide", symbol: "CO" },
  o3: { zh: "臭氧", en: "Ozone", symbol: "O₃" },
};

/**
 * A concentration indicator with its averaging time: the rows of HJ 633-2012 Table 1. CO is in
 * mg/m³, all others µg/m³.
 */
export const INDICATORS = [
  "pm25_24h",
  "pm10_24h",
  "so2_24h",
  "no2_24h",
  "co_24h",
  "o3_8h",
  "o3_1h",
  "so2_1h",
  "no2_1h",
  "co_1h",
] as const;
export type Indicator = (typeof INDICATORS)[number];
