import { describe, expect, it } from "vitest";
import { Random, hashSeed, rngFor } from "./random.ts";

describe("Random", () => {
  it("repeats a sequence for a seed and separates labels", () => {
    const a = rngFor(1, "energy", "ENT-0001-E");
    const b = rngFor(1, "energy", "ENT-0001-E");
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    expect(hashSeed(1, "ab", "c")).not.toBe(hashSeed(1, "a", "bc"));
    expect(hashSeed(1, "x")).not.toBe(hashSeed(2, "x"));
  });

  it("draws plausible normal and Poisson values", () => {
    const r = new Random(9);
    let s = 0;
    let s2 = 0;
    let p = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
      p += r.poisson(3.5);
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(s2 / n).toBeCloseTo(1, 1);
    expect(p / n).toBeCloseTo(3.5, 1);
    expect(r.sample(10, 4)).toHaveLength(4);
    expect(new Set(r.sample(10, 10)).size).toBe(10);
  });
});
