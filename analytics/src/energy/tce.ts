import type { Carrier } from "@citybrain/datasets";
import { DEFAULT_TCE_COEFFICIENTS } from "./coefficients.ts";

/** Tonnes of standard coal for `value` native units of `carrier` (the TS twin of `tceSql`). */
export function tceTonnes(
  carrier: Carrier,
  value: number,
  coefficients: Readonly<Record<Carrier, number>> = DEFAULT_TCE_COEFFICIENTS,
): number {
  return (value * coefficients[carrier]) / 1000;
}
