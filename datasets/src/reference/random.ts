/**
 * Small seeded pseudo-random number generators shared by every generator in `datasets`.
 *
 * `mulberry32` is a 32-bit generator (period 2^32), more than enough for synthetic data; seeds
 * that are strings are hashed with FNV-1a so `"demo"` and `42` both work. Nothing here is
 * cryptographic.
 */

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * mulberry32 PRNG: returns a function yielding uniform numbers in [0, 1).
 *
 * @example
 * const next = mulberry32(42);
 * next(); // same value on every run
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hashes a string or number seed into a 32-bit unsigned integer (FNV-1a over the text). */
export function hashSeed(seed: number | string): number {
  const text = typeof seed === "number" ? `n:${seed}` : `s:${seed}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded generator with the helpers the data generators need. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen with probability proportional to `weight(item)`. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** An independent generator derived from this one's seed and a label. */
  fork(label: string): Rng;
}

/**
 * Creates a seeded {@link Rng}. Same seed, same sequence — on every machine.
 *
 * @example
 * const rng = createRng("demo");
 * rng.int(1, 6);
 * const cameras = rng.fork("cameras"); // unaffected by how many numbers `rng` draws later
 */
export function createRng(seed: number | string): Rng {
  const base = hashSeed(seed);
  const next = mulberry32(base);
  const rng: Rng = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("Rng.pick: expected a non-empty array, got []");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (items, weight) => {
      let total = 0;
      for (const item of items) total += Math.max(0, weight(item));
      if (!(total > 0)) throw new Error(`Rng.weighted: weights of ${items.length} items sum to ${total}`);
      let r = next() * total;
      for (const item of items) {
        r -= Math.max(0, weight(item));
        if (r < 0) return item;
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    fork: (label) => createRng(`${base}/${label}`),
  };
  return rng;
}
