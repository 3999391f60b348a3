import { describe, expect, it } from "vitest";
import { assembleEpisodes } from "./episodes.ts";

const MIN = 60_000;
const at = (site: string, minute: number, score = 5) => ({ site_id: site, ts: minute * MIN, score });

describe("assembleEpisodes", () => {
  it("joins flagged readings within the gap, drops short runs, keeps sites apart", () => {
    const points = [
      at("A", 0, 4),
      at("A", 1, 6),
      at("A", 3, 8), // one unflagged reading between: still the same episode
      at("A", 10), // too far: a new run of one, dropped
      at("B", 2),
      at("B", 3),
      at("A", 2, 5),
    ];
    expect(assembleEpisodes(points, { stepMs: MIN, minPoints: 3, maxGapSteps: 2 })).toEqual([
      { site_id: "A", start: 0, end: 4 * MIN, points: 4, maxScore: 8, meanScore: 5.75 },
    ]);
    expect(
      assembleEpisodes(points, { stepMs: MIN, minPoints: 2, maxGapSteps: 1 }).map((e) => [
        e.site_id,
        e.start / MIN,
        e.end / MIN,
      ]),
    ).toEqual([
      ["A", 0, 4],
      ["B", 2, 4],
    ]);
  });
});
