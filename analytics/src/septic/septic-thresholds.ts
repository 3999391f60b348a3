/** The measures a septic-tank monitor alarms on, as named in the `septic` stream. */
export const SEPTIC_MEASURES = ["ch4_lel", "h2s_ppm", "level_pct"] as const;
export type SepticMeasure = (typeof SEPTIC_MEASURES)[number];

/** Warn and alarm thresholds of one measure; a reading at or above a threshold triggers it. */
export interface MeasureThresholds {
  readonly warn: number;
  readonly alarm: number;
}
export type SepticThresholds = Readonly<Record<SepticMeasure, MeasureThresholds>>;

/**
 * Typical settings (DOMAIN.md): methane low 25 / high 50 %LEL, H2S ~10 / ~20 ppm, liquid level
 * warn ~85 / alarm ~90 % of depth. Configurable per deployment.
 */
export const DEFAULT_SEPTIC_THRESHOLDS: SepticThresholds = {
  ch4_lel: { warn: 25, alarm: 50 },
  h2s_ppm: { warn: 10, alarm: 20 },
  level_pct: { warn: 85, alarm: 90 },
};

/** Display names and units of the measures. */
export const SEPTIC_MEASURE_NAMES: Readonly<Record<SepticMeasure, { zh: string; en: string; unit: string }>> =
  {
    ch4_lel: { zh: "甲烷", en: "Methane", unit: "%LEL" },
    h2s_ppm: { zh: "硫化氢", en: "Hydrogen sulphide", unit: "ppm" },
    level_pct: { zh: "液位", en: "Liquid level", unit: "%" },
  };

/**
 * Checks thresholds: finite, and warn below alarm.
 * @throws Error naming the measure.
 */
export function checkSepticThresholds(t: SepticThresholds): SepticThresholds {
  for (const m of SEPTIC_MEASURES) {
    const { warn, alarm } = t[m];
    if (!Number.isFinite(warn) || !Number.isFinite(alarm) || warn >= alarm) {
      throw new Error(
        `septic thresholds for ${m}: expected finite warn < alarm, got warn ${warn}, alarm ${alarm}`,
      );
    }
  }
  return t;
}
