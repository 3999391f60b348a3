import { describe, expect, it } from "vitest";
import { decodeEchartsGeometry, decodeEchartsRing } from "./echarts-decode.ts";

/** Test-only encoder: the inverse of the decoder, to build fixtures from known coordinates. */
function encode(points: [number, number][], scale = 1024): { text: string; offset: [number, number] } {
  const ints = points.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as const);
  const offset: [number, number] = [ints[0]?.[0] ?? 0, ints[0]?.[1] ?? 0];
  let [px, py] = offset;
  let text = "";
  for (const [x, y] of ints) {
    for (const d of [x - px, y - py]) text += String.fromCharCode(64 + (d >= 0 ? 2 * d : -2 * d - 1));
    [px, py] = [x, y];
  }
  return { text, offset };
}

describe("decodeEchartsRing", () => {
  it("decodes zig-zag deltas from the offset (a hand-checked ring)", () => {
    // "@@" = (0,0) delta; "B@" = +1 on x; "@A" = -1 on y; "AB" = -1 x, +1 y.
    expect(decodeEchartsRing("@@B@@AAB", [1024, 2048], 1024)).toEqual([
      [1, 2],
      [1 + 1 / 1024, 2],
      [1 + 1 / 1024, 2 - 1 / 1024],
      [1, 2],
    ]);
  });

  it("round-trips coordinates on the 1/1024° grid", () => {
    const points: [number, number][] = [
      [105.978515625, 30.3740234375],
      [105.9, 30.3],
      [105.85, 30.42],
      [105.978515625, 30.3740234375],
    ];
    const { text, offset } = encode(points);
    const decoded = decodeEchartsRing(text, offset);
    decoded.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(points[i]?.[0] ?? NaN, 3);
      expect(p[1]).toBeCloseTo(points[i]?.[1] ?? NaN, 3);
    });
  });

  it("rejects a truncated string", () => {
    expect(() => decodeEchartsRing("@@B", [0, 0])).toThrow(/even number of characters, got 3/);
  });
});

describe("decodeEchartsGeometry", () => {
  it("decodes a MultiPolygon and closes open rings", () => {
    const { text, offset } = encode([
      [1, 1],
      [2, 1],
      [2, 2],
    ]);
    const g = decodeEchartsGeometry({
      type: "MultiPolygon",
      coordinates: [[text]],
      encodeOffsets: [[offset]],
    });
    expect(g).toEqual({
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 1],
          ],
        ],
      ],
    });
  });

  it("says which ring is malformed", () => {
    expect(() =>
      decodeEchartsGeometry(
        {
          type: "Polygon",
          coordinates: ["@@", 5],
          encodeOffsets: [
            [0, 0],
            [0, 0],
          ],
        },
        1024,
        "潼南区",
      ),
    ).toThrow(/潼南区, ring 1: expected an encoded string/);
  });
});
