import type { Box } from "../geometry/box.ts";

/** One object followed across frames. */
export interface Track {
  /** Unique within a tracker, increasing from 1. */
  id: number;
  classId: number;
  label: string;
  /** Latest matched box, source-image pixels. */
  box: Box;
  score: number;
  /** `tentative` until matched `minHits` times; `confirmed` after. */
  state: "tentative" | "confirmed";
  /** Frames matched so far. */
  hits: number;
  /** Consecutive frames without a match (0 when matched this frame). */
  missed: number;
  /** Estimated motion of the box centre, pixels per second. */
  velocity: { dx: number; dy: number };
  /**
   * The match before the latest one, box and time (absent until the second match): with `box`,
   * the step the object took, so a counter that first sees a track on its confirming match still
   * sees where it came from.
   */
  previous?: { box: Box; seen: number };
  firstSeen: number;
  lastSeen: number;
}
