import { describe, expect, it } from "vitest";
import { createRng, hashSeed, mulberry32 } from "./random.ts";

describe("mulberry32", () => {
  it("matches the reference sequence of the published algorithm", () => {
    // Reference values for seed 1 (Tommy Ettinger's mulberry32, as widely reproduced).
    const next = mulberry32(1);
    expect([next(), next(), next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it("is deterministic and stays in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(Array.from({ length: 10000 }, () => b())).toEqual(xs);
    expect(xs.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe("createRng", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const draw = (seed: number | string) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw("demo")).toEqual(draw("demo"));
    expect(draw(1)).not.toEqual(draw(2));
    expect(hashSeed(1)).not.toBe(hashSeed("1"));
  });

  it("forks independent streams that do not depend on later draws of the parent", () => {
    const a = createRng(7);
    const b = createRng(7);
    b.next();
    b.next();
    expect(a.fork("x").next()).toBe(b.fork("x").next());
    expect(a.fork("x").next()).not.toBe(a.fork("y").next());
  });

  it("draws integers within bounds, normals with unit spread and weighted picks in proportion", () => {
    const rng = createRng(3);
    const ints = Array.from({ length: 5000 }, () => rng.int(1, 6));
    expect(Math.min(...ints)).toBe(1);
    expect(Math.max(...ints)).toBe(6);
    const normals = Array.from({ length: 20000 }, () => rng.normal());
    const mean = normals.reduce((s, v) => s + v, 0) / normals.length;
    const sd = Math.sqrt(normals.reduce((s, v) => s + (v - mean) ** 2, 0) / normals.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    const picks = Array.from({ length: 20000 }, () => rng.weighted(["a", "b"], (x) => (x === "a" ? 3 : 1)));
    const shareA = picks.filter((p) => p === "a").length / picks.length;
    expect(Math.abs(shareA - 0.75)).toBeLessThan(0.02);
  });

  it("explains bad input", () => {
    const rng = createRng(1);
    expect(() => rng.pick([])).toThrow(/non-empty/);
    expect(() => rng.weighted(["a"], () => 0)).toThrow(/sum to 0/);
  });
});
