/** What scoring needs of a detection or a labelled truth. */
export interface ScoredInterval {
  readonly kind: string;
  readonly stream: string;
  readonly site_id: string;
  readonly start: number;
  readonly end: number;
}

/** Options of {@link scoreDetections}. */
export interface ScoreOptions {
  /** Slack in ms: intervals that miss each other by at most this much still match. */
  readonly tolerance: number;
}

/** Precision and recall of one kind. */
export interface KindScore {
  readonly kind: string;
  readonly truths: number;
  readonly detections: number;
  /** Detections that match a truth. */
  readonly truePositives: number;
  /** Truths that at least one detection matches. */
  readonly matchedTruths: number;
  /** truePositives / detections (1 when nothing was detected). */
  readonly precision: number;
  /** matchedTruths / truths (1 when there was nothing to find). */
  readonly recall: number;
}

/** True when two intervals of the same kind, stream and site overlap within the tolerance. */
export function intervalsMatch(a: ScoredInterval, b: ScoredInterval, tolerance: number): boolean {
  return (
    a.kind === b.kind &&
    a.stream === b.stream &&
    a.site_id === b.site_id &&
    a.start < b.end + tolerance &&
    b.start < a.end + tolerance
  );
}

/**
 * Scores detections against labelled ground truth, per kind. A detection matches a truth of the
 * same kind, stream and site whose interval overlaps its own, each widened by `tolerance`.
 * Precision counts detections that match some truth; recall counts truths that some detection
 * matches (so one truth split into two detections is two true positives and one recalled truth).
 * @example
 * const scores = scoreDetections(detected, ctx.groundTruth, { tolerance: 3_600_000 });
 * scores.get("tank_filling")?.recall;
 */
export function scoreDetections(
  detected: readonly ScoredInterval[],
  groundTruth: readonly ScoredInterval[],
  options: ScoreOptions,
): Map<string, KindScore> {
  const kinds = [...new Set([...groundTruth, ...detected].map((x) => x.kind))].sort();
  const out = new Map<string, KindScore>();
  for (const kind of kinds) {
    const truths = groundTruth.filter((t) => t.kind === kind);
    const dets = detected.filter((d) => d.kind === kind);
    const truePositives = dets.filter((d) =>
      truths.some((t) => intervalsMatch(d, t, options.tolerance)),
    ).length;
    const matchedTruths = truths.filter((t) =>
      dets.some((d) => intervalsMatch(d, t, options.tolerance)),
    ).length;
    out.set(kind, {
      kind,
      truths: truths.length,
      detections: dets.length,
      truePositives,
      matchedTruths,
      precision: dets.length ? truePositives / dets.length : 1,
      recall: truths.length ? matchedTruths / truths.length : 1,
    });
  }
  return out;
}
