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
  /** Pairs within the tolerance, same direction (each used once, nearest first). */
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
 * Compares counted crossings with labelled ones: count error per direction (what the traffic
 * stream reports) and a one-to-one matching within `toleranceSeconds` (which shows whether the
 * right crossings were counted, not just the right number).
 */
export function compareCrossings(
  truth: readonly TimedCrossing[],
  counted: readonly TimedCrossing[],
  toleranceSeconds = 1.5,
): CrossingComparison {
  const pairs: { t: number; c: number; gap: number }[] = [];
  truth.forEach((a, t) =>
    counted.forEach((b, c) => {
      const gap = Math.abs(b.seconds - a.seconds);
      if (a.direction === b.direction && gap <= toleranceSeconds) pairs.push({ t, c, gap });
    }),
  );
  pairs.sort((p, q) => p.gap - q.gap);
  const usedT = new Set<number>();
  const usedC = new Set<number>();
  let offset = 0;
  for (const { t, c } of pairs) {
    if (usedT.has(t) || usedC.has(c)) continue;
    usedT.add(t);
    usedC.add(c);
    offset += (counted[c]?.seconds ?? 0) - (truth[t]?.seconds ?? 0);
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
