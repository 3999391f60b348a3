import { describe, expect, it } from "vitest";
import { ctcGreedyDecode } from "./ctc-decode.ts";

// Classes: 0 = blank, 1 = "渝", 2 = "A", 3 = "1".
const chars = ["渝", "A", "1"];
const steps = (...best: [number, number][]): Float32Array =>
  Float32Array.from(best.flatMap(([c, p]) => [0, 1, 2, 3].map((k) => (k === c ? p : (1 - p) / 3))));

describe("ctcGreedyDecode", () => {
  it("collapses repeats, drops blanks and keeps a repeat separated by a blank", () => {
    const probs = steps([1, 0.9], [1, 0.8], [0, 0.9], [2, 0.7], [0, 0.9], [3, 0.6], [0, 0.9], [3, 1]);
    const out = ctcGreedyDecode(probs, 8, 4, chars);
    expect(out.text).toBe("渝A11");
    expect(out.score).toBeCloseTo((0.9 + 0.7 + 0.6 + 1) / 4);
  });
  it("checks the dictionary against the model", () => {
    expect(() => ctcGreedyDecode(new Float32Array(8), 2, 4, ["a"])).toThrow(
      /dictionary has 1 characters but the model has 3/,
    );
  });
});
