/**
 * The energy meters of the selected enterprises: one per metered carrier, id
 * `${enterprise_id}-E|W|G|O`, with the mean consumption per 15-minute interval derived from the
 * enterprise's annual tce. Carrier shares and water intensities per industry are invented but
 * plausible; standard-coal coefficients are GB/T 2589 values (DOMAIN.md).
 */
import type { Carrier, Industry } from "../index.ts";
import { profileOf, type LoadProfile } from "../../generators/cycles.ts";
import { hashSeed } from "../../generators/random.ts";
import type { EnterpriseShape } from "../../generators/site-shapes.ts";

/** tce per native unit: kWh (0.1229 kgce), m³ gas (1.2143 kgce), L diesel (1.4571 kgce/kg × 0.84 kg/L). */
export const TCE_PER_UNIT: Readonly<Record<Exclude<Carrier, "water">, number>> = {
  electricity: 0.1229e-3,
  gas: 1.2143e-3,
  oil: 1.4571e-3 * 0.84,
};

/** Shares of an enterprise's tce by carrier (electricity, gas, oil), renormalised over what it meters. */
const SHARES: Record<Industry, readonly [number, number, number]> = {
  equipment: [0.8, 0.12, 0.08],
  chemical: [0.45, 0.45, 0.1],
  consumer: [0.7, 0.22, 0.08],
  building: [0.4, 0.5, 0.1],
  eco: [0.8, 0.1, 0.1],
  lemon: [0.7, 0.2, 0.1],
  vegetable: [0.65, 0.1, 0.25],
  commercial: [0.85, 0.13, 0.02],
  public: [0.8, 0.15, 0.05],
};

/** Tonnes of water per tce of energy use, by industry. */
const WATER_T_PER_TCE: Record<Industry, number> = {
  equipment: 8,
  chemical: 25,
  consumer: 20,
  building: 6,
  eco: 30,
  lemon: 60,
  vegetable: 50,
  commercial: 15,
  public: 30,
};

export const CARRIER_LETTER: Readonly<Record<Carrier, string>> = {
  electricity: "E",
  water: "W",
  gas: "G",
  oil: "O",
};
const INTERVALS_PER_YEAR = 365 * 96;

/** One meter to generate. */
export interface Meter {
  readonly id: string;
  readonly enterprise: EnterpriseShape;
  readonly carrier: Carrier;
  readonly profile: LoadProfile;
  /** Mean consumption per interval on a workday, native unit. */
  readonly mean: number;
}

/** The meters of `enterprises`, in enterprise order then E, W, G, O. */
export function metersOf(enterprises: readonly EnterpriseShape[]): Meter[] {
  const out: Meter[] = [];
  for (const e of enterprises) {
    // About half of the public units' accounts are housing (保障房, dormitories): evening peak.
    const profile = profileOf(e.industry, e.shifts, hashSeed("public-housing", e.id) % 2 === 0);
    const [se, sg, so] = SHARES[e.industry];
    const has = (c: Carrier) => e.carriers.includes(c);
    const total = se * Number(has("electricity")) + sg * Number(has("gas")) + so * Number(has("oil")) || 1;
    for (const carrier of ["electricity", "water", "gas", "oil"] as const) {
      if (!has(carrier)) continue;
      const annual =
        carrier === "water"
          ? e.annual_tce * WATER_T_PER_TCE[e.industry]
          : (e.annual_tce * { electricity: se, gas: sg, oil: so }[carrier]) / total / TCE_PER_UNIT[carrier];
      out.push({
        id: `${e.id}-${CARRIER_LETTER[carrier]}`,
        enterprise: e,
        carrier,
        profile,
        mean: annual / INTERVALS_PER_YEAR,
      });
    }
  }
  return out;
}
