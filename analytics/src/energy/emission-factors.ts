import type { Carrier } from "@citybrain/datasets";

/** A grid-electricity CO2 emission factor and where it comes from. */
export interface GridFactor {
  /** kg CO2 per kWh. */
  readonly kgPerKwh: number;
  readonly title: string;
  /** False when only one secondary source gives it (see docs/kpis.md). */
  readonly confirmed: boolean;
}

/** Selectable grid factors (DOMAIN.md). `national-2022` is the default. */
export const GRID_FACTORS = {
  "national-2022": { kgPerKwh: 0.5366, title: "全国电网平均 (MEE/NBS, 2022 data)", confirmed: true },
  "carbon-market": { kgPerKwh: 0.5703, title: "全国碳市场核算 (0.5703 tCO2/MWh)", confirmed: true },
  "southwest-2022": { kgPerKwh: 0.2268, title: "西南区域电网 (2022)", confirmed: true },
  "chongqing-2022": { kgPerKwh: 0.5227, title: "重庆市电网 (2022)", confirmed: false },
} as const satisfies Record<string, GridFactor>;
export type GridFactorId = keyof typeof GRID_FACTORS;

/**
 * Diesel per litre, derived from the Chinese enterprise-accounting parameters: net calorific
 * value 42.652 GJ/t, carbon content 20.20 tC/TJ, oxidation 98 %, × 44/12, at 0.84 kg/L (the
 * density `DEFAULT_TCE_COEFFICIENTS` uses) ≈ 2.60 kg CO2/L. Unconfirmed: oil meters may hold
 * gasoline (≈ 2.3 kg/L); configure when known.
 */
export const DIESEL_KG_CO2_PER_LITRE = 42.652e-3 * 20.2 * 0.98 * (44 / 12) * 0.84;

/** kg CO2 per native unit of each carrier. */
export type Co2Factors = Readonly<Record<Carrier, number>>;

/** Options of {@link co2Factors}. */
export interface Co2FactorOptions {
  /** Grid factor preset (default `national-2022`) … */
  readonly grid?: GridFactorId;
  /** … or an explicit kg CO2/kWh, which wins. */
  readonly gridKgPerKwh?: number;
  /** kg CO2/m³ natural gas; default 2.16. */
  readonly gasKgPerM3?: number;
  /** kg CO2/L oil; default diesel {@link DIESEL_KG_CO2_PER_LITRE}. */
  readonly oilKgPerLitre?: number;
  /** kg CO2/t water; default 0 (no direct emission; supply pumping is the utility's electricity). */
  readonly waterKgPerTonne?: number;
}

/**
 * Builds the CO2 factors (kg CO2 per kWh, t, m³, L).
 * @example co2Factors({ grid: "southwest-2022" }).electricity // 0.2268
 * @throws Error for a negative or non-finite factor.
 */
export function co2Factors(options: Co2FactorOptions = {}): Co2Factors {
  const f: Co2Factors = {
    electricity: options.gridKgPerKwh ?? GRID_FACTORS[options.grid ?? "national-2022"].kgPerKwh,
    water: options.waterKgPerTonne ?? 0,
    gas: options.gasKgPerM3 ?? 2.16,
    oil: options.oilKgPerLitre ?? DIESEL_KG_CO2_PER_LITRE,
  };
  for (const [carrier, k] of Object.entries(f)) {
    if (!Number.isFinite(k) || k < 0)
      throw new Error(`CO2 factor for "${carrier}": expected a number ≥ 0, got ${k}`);
  }
  return f;
}

/** The default factors: national grid 0.5366, gas 2.16, diesel per litre, water 0. */
export const DEFAULT_CO2_FACTORS: Co2Factors = co2Factors();

/** Tonnes of CO2 for `value` native units of `carrier`. */
export function co2Tonnes(
  carrier: Carrier,
  value: number,
  factors: Co2Factors = DEFAULT_CO2_FACTORS,
): number {
  return (value * factors[carrier]) / 1000;
}

/** SQL for tonnes of CO2 of `valueExpr` of `carrierExpr`; factors are our numbers, inlined. */
export function co2TonnesSql(
  carrierExpr: string,
  valueExpr: string,
  factors: Co2Factors = DEFAULT_CO2_FACTORS,
): string {
  const arms = Object.entries(factors)
    .map(([carrier, k]) => {
      if (!Number.isFinite(k) || k < 0) throw new Error(`CO2 factor for "${carrier}": expected a number ≥ 0`);
      return `WHEN '${carrier}' THEN ${k}`;
    })
    .join(" ");
  return `(${valueExpr} * CASE ${carrierExpr} ${arms} ELSE 0 END / 1000.0)`;
}
