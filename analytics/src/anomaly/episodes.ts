/** A reading that a detector flagged. */
export interface FlaggedPoint {
  readonly site_id: string;
  /** Epoch ms of the reading. */
  readonly ts: number;
  readonly score: number;
}

/** Persistence rules that turn flagged readings into episodes. */
export interface PersistenceRules {
  /** The stream's interval, ms. */
  readonly stepMs: number;
  /** Fewest flagged readings an episode needs. */
  readonly minPoints: number;
  /**
   * Largest distance between two flagged readings of one episode, in intervals: 1 means they
   * must be consecutive; 3 lets an episode bridge two unflagged readings.
   */
  readonly maxGapSteps: number;
}

/** Flagged readings of one site grouped into an interval. */
export interface Episode {
  readonly site_id: string;
  readonly start: number;
  /** Exclusive: the end of the last flagged interval. */
  readonly end: number;
  readonly points: number;
  readonly maxScore: number;
  readonly meanScore: number;
}

/**
 * Groups flagged readings into episodes per site: readings at most `maxGapSteps` intervals
 * apart join one episode; episodes with fewer than `minPoints` readings are dropped (a single
 * outlier is noise, a run of them is an anomaly). Input in any order.
 * @example
 * assembleEpisodes(points, { stepMs: 900_000, minPoints: 3, maxGapSteps: 2 });
 */
export function assembleEpisodes(points: readonly FlaggedPoint[], rules: PersistenceRules): Episode[] {
  const sorted = [...points].sort((a, b) => a.site_id.localeCompare(b.site_id) || a.ts - b.ts);
  const out: Episode[] = [];
  let run: FlaggedPoint[] = [];
  const flush = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last && run.length >= rules.minPoints) {
      const scores = run.map((p) => p.score);
      out.push({
        site_id: first.site_id,
        start: first.ts,
        end: last.ts + rules.stepMs,
        points: run.length,
        maxScore: Math.max(...scores),
        meanScore: scores.reduce((s, x) => s + x, 0) / scores.length,
      });
    }
    run = [];
  };
  for (const p of sorted) {
    const prev = run[run.length - 1];
    if (prev && (prev.site_id !== p.site_id || p.ts - prev.ts > rules.maxGapSteps * rules.stepMs)) flush();
    run.push(p);
  }
  flush();
  return out;
}
