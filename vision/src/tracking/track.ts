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
  /** Estimated motion of the box centre per frame, pixels. */
  velocity: { dx: number; dy: number };
  firstSeen: number;
  lastSeen: number;
}
