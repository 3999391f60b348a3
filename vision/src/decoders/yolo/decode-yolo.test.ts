import { describe, expect, it } from "vitest";
import { decodeYolo } from "./decode-yolo.ts";

// A 1280×720 frame letterboxed into 640²: scale 1/2, 140 px bars above and below.
const geometry = { sourceWidth: 1280, sourceHeight: 720, size: 640, scale: 0.5, padX: 0, padY: 140 };
const labels = ["person", "car", "bus"];

// Hand-made head output, one row per anchor: cx, cy, w, h, then a score per class.
const ANCHORS = [
  [100, 240, 40, 20, 0.9, 0.1, 0.05], // person → (160, 180)–(240, 220) in the frame
  [102, 241, 40, 20, 0.8, 0.0, 0.0], // the same person again: suppressed by NMS
  [101, 240, 40, 20, 0.1, 0.7, 0.0], // a car on the same spot: other class, kept
  [300, 300, 50, 50, 0.2, 0.24, 0.1], // best score 0.24 < 0.25: dropped
  [600, 480, 100, 60, 0.0, 0.1, 0.6], // bus reaching past the right edge → clipped to 1280
  [320, 320, 0, 10, 0.99, 0.0, 0.0], // zero width: dropped
  [320, 60, 40, 40, 0.95, 0.0, 0.0], // inside the top bar only: dropped
  [500, 500, 10, 10, 0.0, 0.0, 0.0], // background
];

function channelsFirst(rows: number[][]): Float32Array {
  const channels = rows[0]?.length ?? 0;
  return Float32Array.from(
    { length: rows.length * channels },
    (_, i) => rows[i % rows.length]?.[Math.floor(i / rows.length)] ?? 0,
  );
}

describe("decodeYolo", () => {
  const thresholds = { score: 0.25, iou: 0.45 };
  const expected = [
    { label: "person", score: 0.9, box: { x1: 160, y1: 180, x2: 240, y2: 220 } },
    { label: "car", score: 0.7, box: { x1: 162, y1: 180, x2: 242, y2: 220 } },
    { label: "bus", score: 0.6, box: { x1: 1100, y1: 620, x2: 1280, y2: 720 } },
  ];

  it("decodes the Ultralytics [1, 4 + classes, anchors] layout", () => {
    const out = decodeYolo(
      { data: channelsFirst(ANCHORS), dims: [1, 7, ANCHORS.length] },
      geometry,
      labels,
      thresholds,
    );
    expect(out.map(({ label, score, box }) => ({ label, score: Number(score.toFixed(4)), box }))).toEqual(
      expected,
    );
  });

  it("decodes the transposed [1, anchors, 4 + classes] layout the same way", () => {
    const out = decodeYolo(
      { data: Float32Array.from(ANCHORS.flat()), dims: [1, ANCHORS.length, 7] },
      geometry,
      labels,
      thresholds,
    );
    expect(out.map((d) => d.label)).toEqual(["person", "car", "bus"]);
    expect(out[2]?.box).toEqual(expected[2]?.box);
  });

  it("asks for the layout when the tensor is square, and uses it when given", () => {
    const square = ANCHORS.slice(0, 7);
    const tensor = { data: Float32Array.from(square.flat()), dims: [1, 7, 7] };
    expect(() => decodeYolo(tensor, geometry, labels, thresholds)).toThrow(/could be either layout/);
    const out = decodeYolo(tensor, geometry, labels, thresholds, { layout: "channels-last" });
    expect(out.map((d) => d.label)).toEqual(["person", "car", "bus"]);
  });

  it("says when the labels do not fit the tensor", () => {
    expect(() =>
      decodeYolo({ data: new Float32Array(84 * 10), dims: [1, 84, 10] }, geometry, labels, thresholds),
    ).toThrow(/neither dimension of \[1,84,10\] is 4 box values \+ 3 classes/);
  });
});
