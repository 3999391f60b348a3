/** Scales the median absolute deviation to a standard deviation for normal data. */
export const MAD_TO_SIGMA = 1.4826;

/** Floors on the robust scale, so that a flat baseline (MAD 0) does not make every wobble infinite. */
export interface ScaleFloor {
  /** Absolute floor in the value's unit. */
  readonly abs: number;
  /** Floor as a share of |median|. */
  readonly rel: number;
}

/**
 * Robust score |x − median| / max(1.4826·MAD, abs, rel·|median|): a z-score that outliers in the
 * baseline cannot inflate.
 * @example robustScore(130, 100, 10, { abs: 1, rel: 0.05 }) // => 2.02…
 */
export function robustScore(x: number, median: number, mad: number, floor: ScaleFloor): number {
  return (
    Math.abs(x - median) /
    Math.max(MAD_TO_SIGMA * mad, floor.abs, floor.rel * Math.abs(median), Number.MIN_VALUE)
  );
}

/** {@link robustScore} as a SQL expression over column expressions. */
export function robustScoreSql(x: string, median: string, mad: string, floor: ScaleFloor): string {
  return `abs(${x} - ${median}) / greatest(${MAD_TO_SIGMA} * ${mad}, ${Number(floor.abs)}, ${Number(floor.rel)} * abs(${median}), 1e-300)`;
}

/** Median of numbers (NaN for none). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median absolute deviation from the median (NaN for none). */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}
