import type { Carrier } from "@citybrain/datasets";
import { DEFAULT_TCE_COEFFICIENTS, tceSql } from "./coefficients.ts";
import type { Co2Factors } from "./emission-factors.ts";
import { DEFAULT_CO2_FACTORS, co2Tonnes, co2TonnesSql } from "./emission-factors.ts";
import { tceTonnes } from "./tce.ts";

/** What an energy figure is expressed in: native units (one carrier only), tce or t CO2. */
export type EnergyMeasure = "native" | "tce" | "co2";

/** Conversion settings shared by the energy KPIs. */
export interface EnergyUnits {
  readonly measure?: EnergyMeasure;
  /** kgce per native unit; GB/T 2589 defaults. */
  readonly coefficients?: Readonly<Record<Carrier, number>>;
  /** kg CO2 per native unit; see `co2Factors`. */
  readonly co2?: Co2Factors;
}

/** The energy columns a KPI may group by; only these names reach SQL. */
export const ENERGY_DIMENSIONS = ["enterprise_id", "industry", "town_code", "carrier", "meter_id"] as const;
export type EnergyDimension = (typeof ENERGY_DIMENSIONS)[number];

/** Checks a list of dimensions against {@link ENERGY_DIMENSIONS}. */
export function checkEnergyDimensions(by: readonly string[]): readonly EnergyDimension[] {
  for (const d of by) {
    if (!(ENERGY_DIMENSIONS as readonly string[]).includes(d)) {
      throw new Error(`energy dimension "${d}": expected one of ${ENERGY_DIMENSIONS.join(", ")}`);
    }
  }
  return by as readonly EnergyDimension[];
}

/** SQL for one reading's amount in the measure, over columns `carrier` and `value`. */
export function energyMeasureSql(units: EnergyUnits = {}): string {
  const m = units.measure ?? "tce";
  if (m === "native") return "value";
  if (m === "tce") return tceSql("carrier", "value", units.coefficients ?? DEFAULT_TCE_COEFFICIENTS);
  return co2TonnesSql("carrier", "value", units.co2 ?? DEFAULT_CO2_FACTORS);
}

/** One reading's amount in the measure (the TS twin of {@link energyMeasureSql}). */
export function energyMeasure(carrier: Carrier, value: number, units: EnergyUnits = {}): number {
  const m = units.measure ?? "tce";
  if (m === "native") return value;
  if (m === "tce") return tceTonnes(carrier, value, units.coefficients ?? DEFAULT_TCE_COEFFICIENTS);
  return co2Tonnes(carrier, value, units.co2 ?? DEFAULT_CO2_FACTORS);
}

/** One row of the `energy` stream, as the TS KPI functions take it. */
export interface EnergyReading {
  /** Start of the 15-minute interval (UTC). */
  readonly ts: number | string | Date;
  readonly meter_id?: string;
  readonly enterprise_id: string;
  readonly industry?: string;
  readonly town_code?: string;
  readonly carrier: Carrier;
  readonly value: number;
}
