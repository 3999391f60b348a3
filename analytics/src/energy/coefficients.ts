import type { Carrier } from "@citybrain/datasets";

/**
 * Standard-coal coefficients in kgce per native unit (GB/T 2589 Appendix A). Water's figure is
 * unconfirmed (another source gives 0.0857) and oil is metered in litres: diesel 1.4571 kgce/kg
 * at 0.84 kg/L. Configurable because the 2020 edition revised the appendix.
 */
export const DEFAULT_TCE_COEFFICIENTS: Readonly<Record<Carrier, number>> = {
  electricity: 0.1229,
  water: 0.2571,
  gas: 1.2143,
  oil: 1.4571 * 0.84,
};

/**
 * A SQL CASE expression giving tonnes of standard coal for `valueExpr` of `carrierExpr`.
 * Coefficients are numbers we own, so inlining them is safe.
 */
export function tceSql(
  carrierExpr: string,
  valueExpr: string,
  coefficients: Readonly<Record<Carrier, number>> = DEFAULT_TCE_COEFFICIENTS,
): string {
  const arms = Object.entries(coefficients)
    .map(([carrier, k]) => {
      if (!Number.isFinite(k) || k < 0)
        throw new Error(`tce coefficient for "${carrier}": expected a number ≥ 0`);
      return `WHEN '${carrier}' THEN ${k}`;
    })
    .join(" ");
  return `(${valueExpr} * CASE ${carrierExpr} ${arms} ELSE 0 END / 1000.0)`;
}
