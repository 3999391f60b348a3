/**
 * `numerator / denominator`, or null when either is missing or the denominator is 0: a rate
 * against nothing is unknown, not Infinity.
 */
export function safeRatio(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): number | null {
  if (numerator == null || denominator == null || denominator === 0) return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) return null;
  return numerator / denominator;
}

/**
 * Continuous quantile with linear interpolation between order statistics (position
 * `(n − 1) · p`), the definition DuckDB's `quantile_cont` and `median` use. Null for no values.
 */
export function quantileCont(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile: expected p in [0, 1], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** Median (`quantileCont(values, 0.5)`); null for no values. */
export function median(values: readonly number[]): number | null {
  return quantileCont(values, 0.5);
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
