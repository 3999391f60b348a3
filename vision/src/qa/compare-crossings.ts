/** A crossing in time, by direction. */
export interface TimedCrossing {
  seconds: number;
  direction: "left-to-right" | "right-to-left";
}

/** How counted crossings compare with labelled ones. */
export interface CrossingComparison {
  truth: { leftToRight: number; rightToLeft: number; total: number };
  counted: { leftToRight: number; rightToLeft: number; total: number };
  /** (counted − truth) ÷ truth, per direction and in total; `null` when the truth is 0. */
  countError: { leftToRight: number | null; rightToLeft: number | null; total: number | null };
  /** Pairs within the tolerance, same direction, each crossing used once (the most pairs, then the smallest total gap). */
  matched: number;
  /** Labelled crossings no counted crossing matched. */
  missed: TimedCrossing[];
  /** Counted crossings that match no label (double counts, false tracks). */
  spurious: TimedCrossing[];
  /** Mean of counted − labelled time over matched pairs, s. */
  meanOffsetSeconds: number | null;
}

function totals(list: readonly TimedCrossing[]): CrossingComparison["truth"] {
  const leftToRight = list.filter((c) => c.direction === "left-to-right").length;
  return { leftToRight, rightToLeft: list.length - leftToRight, total: list.length };
}

const ratio = (counted: number, truth: number): number | null =>
  truth === 0 ? null : Math.round(((counted - truth) / truth) * 10_000) / 10_000;

/**
 * The best one-to-one matching of two time-sorted lists within `tolerance`: the most pairs, then
 * the smallest total gap. On a time line an optimal matching never needs crossing pairs, so an
 * alignment over the two lists (O(n·m)) finds it. Returns pairs of indices.
 */
function alignInTime(
  truth: readonly number[],
  counted: readonly number[],
  tolerance: number,
): [number, number][] {
  type Cell = { pairs: number; gap: number; from: "t" | "c" | "pair" | null };
  const better = (a: Cell, b: Cell) => a.pairs > b.pairs || (a.pairs === b.pairs && a.gap < b.gap - 1e-9);
  const table: Cell[][] = truth.map(() => []);
  const cell = (i: number, j: number): Cell =>
    i < 0 || j < 0 ? { pairs: 0, gap: 0, from: null } : (table[i]?.[j] ?? { pairs: 0, gap: 0, from: null });
  truth.forEach((t, i) => {
    counted.forEach((c, j) => {
      let best: Cell = { ...cell(i - 1, j), from: i > 0 ? "t" : null };
      const skipCounted = cell(i, j - 1);
      if (better(skipCounted, best)) best = { ...skipCounted, from: "c" };
      const gap = Math.abs(c - t);
      if (gap <= tolerance) {
        const before = cell(i - 1, j - 1);
        const paired: Cell = { pairs: before.pairs + 1, gap: before.gap + gap, from: "pair" };
        if (better(paired, best)) best = paired;
      }
      (table[i] as Cell[])[j] = best;
    });
  });
  const pairs: [number, number][] = [];
  let i = truth.length - 1;
  let j = counted.length - 1;
  while (i >= 0 && j >= 0) {
    const from = cell(i, j).from;
    if (from === "pair") pairs.push([i--, j--]);
    else if (from === "t") i--;
    else if (from === "c") j--;
    else break;
  }
  return pairs.reverse();
}

/**
 * Compares counted crossings with labelled ones: count error per direction (what the traffic
 * stream reports) and a one-to-one matching within `toleranceSeconds` (which shows whether the
 * right crossings were counted, not just the right number): per direction, the matching with
 * the most pairs, then the smallest total time gap.
 */
export function compareCrossings(
  truth: readonly TimedCrossing[],
  counted: readonly TimedCrossing[],
  toleranceSeconds = 1.5,
): CrossingComparison {
  const usedT = new Set<number>();
  const usedC = new Set<number>();
  let offset = 0;
  for (const direction of ["left-to-right", "right-to-left"] as const) {
    const indices = (list: readonly TimedCrossing[]) =>
      list
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.direction === direction)
        .sort((a, b) => a.c.seconds - b.c.seconds);
    const t = indices(truth);
    const c = indices(counted);
    const seconds = (list: typeof t) => list.map(({ c: crossing }) => crossing.seconds);
    for (const [ti, ci] of alignInTime(seconds(t), seconds(c), toleranceSeconds)) {
      const a = t[ti];
      const b = c[ci];
      if (!a || !b) continue;
      usedT.add(a.i);
      usedC.add(b.i);
      offset += b.c.seconds - a.c.seconds;
    }
  }
  const tr = totals(truth);
  const co = totals(counted);
  return {
    truth: tr,
    counted: co,
    countError: {
      leftToRight: ratio(co.leftToRight, tr.leftToRight),
      rightToLeft: ratio(co.rightToLeft, tr.rightToLeft),
      total: ratio(co.total, tr.total),
    },
    matched: usedT.size,
    missed: truth.filter((_, i) => !usedT.has(i)),
    spurious: counted.filter((_, i) => !usedC.has(i)),
    meanOffsetSeconds: usedT.size ? Math.round((offset / usedT.size) * 100) / 100 : null,
  };
}
