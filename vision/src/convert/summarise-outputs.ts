/** A small, comparable fingerprint of a large float tensor. */
export interface TensorSummary {
  shape: number[];
  /** Sum and sum of squares, accumulated in float64. */
  sum: number;
  sumOfSquares: number;
  max: number;
  /** Every `sampleStride`-th value, starting at index 0. */
  sampleStride: number;
  samples: number[];
}

/** CenterNet outputs on one frame, reduced to what a reference file keeps. */
export interface CenternetOutputSummary {
  keypoints: TensorSummary;
  wh: TensorSummary;
  /** The graph's own top-100 decode: `[x1, y1, x2, y2, score, class]` rows in input pixels. */
  detections: number[][];
}

const SIGNIFICANT_DIGITS = 8;

function round(value: number): number {
  return Number(value.toPrecision(SIGNIFICANT_DIGITS));
}

/** Summarises a float tensor: sums, max and about `sampleCount` evenly spaced values. */
export function summariseTensor(
  data: Float32Array,
  shape: readonly number[],
  sampleCount = 256,
): TensorSummary {
  let sum = 0;
  let sumOfSquares = 0;
  let max = -Infinity;
  for (const v of data) {
    sum += v;
    sumOfSquares += v * v;
    if (v > max) max = v;
  }
  const sampleStride = Math.max(1, Math.floor(data.length / sampleCount));
  const samples: number[] = [];
  for (let i = 0; i < data.length; i += sampleStride) samples.push(round(data[i] ?? NaN));
  return {
    shape: [...shape],
    sum: round(sum),
    sumOfSquares: round(sumOfSquares),
    max: round(max),
    sampleStride,
    samples,
  };
}

/** Splits a `[1, n, 6]` detections tensor into rows. */
export function detectionRows(data: Float32Array): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i + 6 <= data.length; i += 6) rows.push(Array.from(data.subarray(i, i + 6), round));
  return rows;
}

/** Largest scaled difference (see {@link scaledDiff}) between two summaries' like-for-like numbers. */
export function summaryMaxDiff(a: TensorSummary, b: TensorSummary): number {
  if (a.shape.join() !== b.shape.join() || a.sampleStride !== b.sampleStride) return Infinity;
  const n = a.shape.reduce((x, y) => x * y, 1);
  const pairs: [number, number][] = [
    [a.max, b.max],
    // Compare sums per element (as means): a sum over a million values is large by construction.
    [a.sum / n, b.sum / n],
    [a.sumOfSquares / n, b.sumOfSquares / n],
    ...a.samples.map((v, i): [number, number] => [v, b.samples[i] ?? NaN]),
  ];
  const diff = Math.max(...pairs.map(([x, y]) => scaledDiff(x, y)));
  return Number.isNaN(diff) ? Infinity : diff;
}

/**
 * Difference scaled to the reference's magnitude: `|a − b| / max(1, |b|)`. For values up to 1
 * (heatmap scores) it is the absolute difference; for pixel coordinates it is relative.
 */
export function scaledDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

/**
 * Pairs each reference detection row with the closest remaining row of the same class, so that
 * two near-equal scores swapping places is not mistaken for a difference. Returns the largest
 * scaled difference over all paired numbers, and the rows left without a partner within `tolerance`.
 */
export function compareDetectionRows(
  actual: number[][],
  reference: number[][],
  tolerance: number,
): { maxScaledDiff: number; maxAbsDiff: number; unmatched: number[][] } {
  const remaining = actual.map((row, index) => ({ row, index }));
  let maxScaledDiff = 0;
  let maxAbsDiff = 0;
  const unmatched: number[][] = [];
  for (const ref of reference) {
    let best = -1;
    let bestDiff = Infinity;
    remaining.forEach(({ row }, i) => {
      if (row[5] !== ref[5]) return;
      const diff = Math.max(...row.map((v, k) => scaledDiff(v, ref[k] ?? NaN)));
      if (diff < bestDiff) [best, bestDiff] = [i, diff];
    });
    const match = remaining[best];
    if (!match || bestDiff > tolerance) {
      unmatched.push(ref);
      continue;
    }
    remaining.splice(best, 1);
    maxScaledDiff = Math.max(maxScaledDiff, bestDiff);
    maxAbsDiff = Math.max(maxAbsDiff, ...match.row.map((v, k) => Math.abs(v - (ref[k] ?? NaN))));
  }
  return { maxScaledDiff, maxAbsDiff, unmatched };
}
