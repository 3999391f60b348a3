/** One AQI category of HJ 633-2012 Table 2 with its Appendix A colour. */
export interface AqiCategory {
  /** 1–6 (一级 … 六级). */
  readonly level: 1 | 2 | 3 | 4 | 5 | 6;
  /** Lowest and highest AQI of the category (integers; the last has no upper bound). */
  readonly min: number;
  readonly max: number;
  readonly zh: string;
  readonly en: string;
  readonly grade: string;
  /** Hex RGB of the category colour. */
  readonly color: string;
}

/** The six categories, best first. */
export const AQI_CATEGORIES: readonly AqiCategory[] = [
  { level: 1, min: 0, max: 50, grade: "一级", zh: "优", en: "Excellent", color: "#00E400" },
  { level: 2, min: 51, max: 100, grade: "二级", zh: "良", en: "Good", color: "#FFFF00" },
  { level: 3, min: 101, max: 150, grade: "三级", zh: "轻度污染", en: "Lightly polluted", color: "#FF7E00" },
  {
    level: 4,
    min: 151,
    max: 200,
    grade: "四级",
    zh: "中度污染",
    en: "Moderately polluted",
    color: "#FF0000",
  },
  { level: 5, min: 201, max: 300, grade: "五级", zh: "重度污染", en: "Heavily polluted", color: "#99004C" },
  {
    level: 6,
    min: 301,
    max: Number.POSITIVE_INFINITY,
    grade: "六级",
    zh: "严重污染",
    en: "Severely polluted",
    color: "#7E0023",
  },
];

/**
 * The category of an AQI (an integer, as HJ 633 rounds up); null for a missing AQI.
 * @throws RangeError for a negative AQI.
 */
export function aqiCategory(aqi: number | null | undefined): AqiCategory | null {
  if (aqi == null) return null;
  if (!(aqi >= 0)) throw new RangeError(`AQI: expected a value ≥ 0, got ${aqi}`);
  return AQI_CATEGORIES.find((c) => aqi <= c.max) ?? null;
}

/** SQL giving the category level (1–6) of an integer AQI expression, from the same table. */
export function aqiLevelSql(expr: string): string {
  const arms = AQI_CATEGORIES.filter((c) => Number.isFinite(c.max)).map(
    (c) => `WHEN ${expr} <= ${c.max} THEN ${c.level}`,
  );
  return `(CASE WHEN ${expr} IS NULL THEN NULL ${arms.join(" ")} ELSE ${AQI_CATEGORIES.length} END)`;
}
