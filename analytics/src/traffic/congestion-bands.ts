/** A congestion band over the travel-time index (TTI). */
export interface CongestionBand {
  readonly level: 1 | 2 | 3 | 4 | 5;
  readonly zh: string;
  readonly en: string;
  /** Upper bound of the band's TTI, exclusive; the last is unbounded. */
  readonly below: number;
  readonly color: string;
}

/**
 * Our bands (not a national standard; tune with local data): TTI < 1.3 畅通, < 1.6 基本畅通,
 * < 2.0 轻度拥堵, < 2.5 中度拥堵, else 严重拥堵. At a free-flow 50 km/h these are 38, 31, 25
 * and 20 km/h.
 */
export const CONGESTION_BANDS: readonly CongestionBand[] = [
  { level: 1, zh: "畅通", en: "Free flow", below: 1.3, color: "#2DB84D" },
  { level: 2, zh: "基本畅通", en: "Mostly free", below: 1.6, color: "#A3D93B" },
  { level: 3, zh: "轻度拥堵", en: "Light congestion", below: 2.0, color: "#FFD400" },
  { level: 4, zh: "中度拥堵", en: "Moderate congestion", below: 2.5, color: "#FF8C00" },
  { level: 5, zh: "严重拥堵", en: "Severe congestion", below: Number.POSITIVE_INFINITY, color: "#D7191C" },
];

/** The band of a TTI; null for a missing TTI. */
export function congestionBand(
  tti: number | null | undefined,
  bands: readonly CongestionBand[] = CONGESTION_BANDS,
): CongestionBand | null {
  if (tti == null || Number.isNaN(tti)) return null;
  return bands.find((b) => tti < b.below) ?? bands.at(-1) ?? null;
}

/** SQL giving the band level of a TTI expression, from the same table. */
export function congestionLevelSql(
  expr: string,
  bands: readonly CongestionBand[] = CONGESTION_BANDS,
): string {
  const arms = bands
    .filter((b) => Number.isFinite(b.below))
    .map((b) => `WHEN ${expr} < ${b.below} THEN ${b.level}`);
  return `(CASE WHEN ${expr} IS NULL THEN NULL ${arms.join(" ")} ELSE ${bands.at(-1)?.level ?? "NULL"} END)`;
}
