/** The best continuous two-segment line through a series. */
export interface HingeFit {
  /** Index of the knee: the first point of the second segment. */
  readonly knee: number;
  readonly slopeBefore: number;
  readonly slopeAfter: number;
  /** Sum of squared residuals. */
  readonly sse: number;
}

function solve3(m: number[][], v: number[]): number[] | null {
  const [a = [], b = [], c = []] = m;
  const det = (r0: number[], r1: number[], r2: number[]) =>
    (r0[0] ?? 0) * ((r1[1] ?? 0) * (r2[2] ?? 0) - (r1[2] ?? 0) * (r2[1] ?? 0)) -
    (r0[1] ?? 0) * ((r1[0] ?? 0) * (r2[2] ?? 0) - (r1[2] ?? 0) * (r2[0] ?? 0)) +
    (r0[2] ?? 0) * ((r1[0] ?? 0) * (r2[1] ?? 0) - (r1[1] ?? 0) * (r2[0] ?? 0));
  const d = det(a, b, c);
  if (Math.abs(d) < 1e-12) return null;
  const col = (k: number) => [a, b, c].map((row, i) => row.map((x, j) => (j === k ? (v[i] ?? 0) : x)));
  return [0, 1, 2].map((k) => {
    const [r0 = [], r1 = [], r2 = []] = col(k);
    return det(r0, r1, r2) / d;
  });
}

/**
 * Fits y ≈ a + b·x + c·max(0, x − x[k]) for every knee k that leaves `minSegment` points on each
 * side and returns the knee with the least squared error (null when the series is too short).
 * Least squares by the normal equations; n is small (hours of one episode).
 * @example hingeFit([0, 1, 2, 3, 4, 5], [1, 1, 1, 3, 5, 7])?.knee // => 2
 */
export function hingeFit(xs: readonly number[], ys: readonly number[], minSegment = 3): HingeFit | null {
  let best: HingeFit | null = null;
  for (let k = minSegment; k <= xs.length - minSegment; k++) {
    const xk = xs[k - 1] as number;
    const rows = xs.map((x) => [1, x, Math.max(0, x - xk)]);
    const m = [0, 1, 2].map((i) =>
      [0, 1, 2].map((j) => rows.reduce((s, r) => s + (r[i] as number) * (r[j] as number), 0)),
    );
    const v = [0, 1, 2].map((i) => rows.reduce((s, r, n) => s + (r[i] as number) * (ys[n] as number), 0));
    const p = solve3(m, v);
    if (!p) continue;
    const [a = 0, b = 0, c = 0] = p;
    const sse = rows.reduce(
      (s, r, n) => s + ((ys[n] as number) - a - b * (r[1] as number) - c * (r[2] as number)) ** 2,
      0,
    );
    if (!best || sse < best.sse) best = { knee: k - 1, slopeBefore: b, slopeAfter: b + c, sse };
  }
  return best;
}
