import { describe, expect, it } from "vitest";
import { COCO_LABELS } from "../../models/coco-labels.ts";
import { decodeCenternet } from "./decode-centernet.ts";

// A 768×576 image letterboxed into 512²: scale 2/3, 64 px of padding above and below.
const geometry = { sourceWidth: 768, sourceHeight: 576, size: 512, scale: 2 / 3, padX: 0, padY: 64 };

describe("decodeCenternet", () => {
  it("thresholds, maps out of the letterbox, clips and suppresses per class", () => {
    const rows = Float32Array.from([
      ...[100, 164, 200, 264, 0.9, 16], // dog → (150, 150)–(300, 300)
      ...[102, 166, 202, 266, 0.5, 16], // same dog again: suppressed
      ...[102, 166, 202, 266, 0.4, 15], // a cat on the same spot: another class, kept
      ...[400, 30, 600, 100, 0.6, 2], // car reaching into the padding and past the right edge: clipped
      ...[10, 10, 20, 40, 0.8, 0], // entirely inside the top padding: dropped
      ...[300, 300, 310, 310, 0.29, 0], // below the 0.3 threshold
    ]);
    const out = decodeCenternet(rows, geometry, COCO_LABELS, { score: 0.3, iou: 0.45 });
    expect(out.map((d) => d.label)).toEqual(["dog", "car", "cat"]);
    expect(out[0]?.box.x1).toBeCloseTo(150);
    expect(out[0]?.box.y2).toBeCloseTo(300);
    expect(out[1]?.box).toEqual({ x1: 600, y1: 0, x2: 768, y2: 54 });
  });

  it("rejects a malformed tensor and unknown classes", () => {
    expect(() => decodeCenternet(new Float32Array(7), geometry, COCO_LABELS, { score: 0.3 })).toThrow(
      /6-value rows/,
    );
    expect(() =>
      decodeCenternet(Float32Array.from([0, 64, 9, 99, 0.9, 80]), geometry, COCO_LABELS, { score: 0.3 }),
    ).toThrow(/class 80 has no label/);
  });
});
