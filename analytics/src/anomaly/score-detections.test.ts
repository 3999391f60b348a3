import { describe, expect, it } from "vitest";
import { scoreDetections } from "./score-detections.ts";

const H = 3_600_000;
const iv = (kind: string, site: string, start: number, end: number, stream = "septic") => ({
  kind,
  stream,
  site_id: site,
  start: start * H,
  end: end * H,
});

describe("scoreDetections", () => {
  it("matches same kind, stream and site on overlap within the tolerance", () => {
    const truth = [
      iv("stuck_sensor", "SEP-1", 10, 14),
      iv("stuck_sensor", "SEP-2", 10, 14),
      iv("data_gap", "SEP-3", 0, 2),
    ];
    const detected = [
      iv("stuck_sensor", "SEP-1", 13, 15), // overlaps
      iv("stuck_sensor", "SEP-1", 14.5, 16), // 30 min after the end: inside a 1 h tolerance
      iv("stuck_sensor", "SEP-2", 16, 18), // 2 h after: a false positive, and SEP-2 is missed
      iv("data_gap", "SEP-3", 0, 2, "energy"), // other stream
    ];
    const scores = scoreDetections(detected, truth, { tolerance: H });
    expect(scores.get("stuck_sensor")).toEqual({
      kind: "stuck_sensor",
      truths: 2,
      detections: 3,
      truePositives: 2,
      matchedTruths: 1,
      precision: 2 / 3,
      recall: 0.5,
    });
    expect(scores.get("data_gap")).toMatchObject({ truePositives: 0, precision: 0, recall: 0 });
    expect(scoreDetections([], truth, { tolerance: 0 }).get("data_gap")).toMatchObject({
      precision: 1,
      recall: 0,
    });
  });
});
