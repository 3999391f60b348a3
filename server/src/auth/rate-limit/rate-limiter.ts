/** How requests are counted per key. */
export type RateLimitAlgorithm = "fixed-window" | "token-bucket";

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Window length (fixed-window) or time to refill a full bucket (token-bucket). */
  readonly windowMs: number;
  /** Requests allowed per window, and the bucket's capacity (the burst). */
  readonly max: number;
  /** Default `fixed-window`. */
  readonly algorithm?: RateLimitAlgorithm;
  /** Keys remembered at most; the least recently seen are forgotten first. Default 10,000. */
  readonly maxKeys?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/** The verdict on one request. */
export interface RateLimitResult {
  readonly allowed: boolean;
  /** Requests left now (whole ones). */
  readonly remaining: number;
  /** When refused: how long until one more request is allowed. */
  readonly retryAfterMs: number;
}

interface Entry {
  /** Window start (fixed-window) or last refill time (token-bucket). */
  at: number;
  /** Requests counted (fixed-window) or tokens left (token-bucket). */
  n: number;
}

/**
 * In-memory per-key counter with a bounded map, so a flood of distinct keys cannot exhaust memory.
 * @example
 * const limiter = new RateLimiter({ windowMs: 60_000, max: 5 });
 * if (!limiter.hit(`user:${name}`).allowed) return tooMany();
 */
export class RateLimiter {
  readonly #windowMs: number;
  readonly #max: number;
  readonly #bucket: boolean;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(options: RateLimiterOptions) {
    if (!(options.windowMs > 0) || !(options.max >= 1)) {
      throw new Error(
        `rate limit needs windowMs > 0 and max >= 1, got ${options.windowMs} and ${options.max}`,
      );
    }
    this.#windowMs = options.windowMs;
    this.#max = Math.floor(options.max);
    this.#bucket = options.algorithm === "token-bucket";
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Keys currently remembered. */
  get size(): number {
    return this.#entries.size;
  }

  /** Counts one request for `key` and says whether it is allowed. */
  hit(key: string): RateLimitResult {
    return this.#apply(key, true);
  }

  /** Says whether a request for `key` would be allowed, without counting it. */
  check(key: string): RateLimitResult {
    return this.#apply(key, false);
  }

  #apply(key: string, consume: boolean): RateLimitResult {
    const now = this.#now();
    const e = this.#refresh(key, now);
    if (this.#bucket) {
      if (e.n < 1)
        return { allowed: false, remaining: 0, retryAfterMs: ((1 - e.n) * this.#windowMs) / this.#max };
      if (consume) e.n -= 1;
      return { allowed: true, remaining: Math.floor(e.n), retryAfterMs: 0 };
    }
    if (e.n >= this.#max) return { allowed: false, remaining: 0, retryAfterMs: e.at + this.#windowMs - now };
    if (consume) e.n += 1;
    return { allowed: true, remaining: this.#max - e.n, retryAfterMs: 0 };
  }

  /** The key's entry brought up to `now`, moved to the most-recent end of the map. */
  #refresh(key: string, now: number): Entry {
    let e = this.#entries.get(key);
    if (e) this.#entries.delete(key);
    if (this.#bucket) {
      e ??= { at: now, n: this.#max };
      e.n = Math.min(this.#max, e.n + ((now - e.at) * this.#max) / this.#windowMs);
      e.at = now;
    } else if (!e || now >= e.at + this.#windowMs) {
      e = { at: now, n: 0 };
    }
    this.#entries.set(key, e);
    while (this.#entries.size > this.#maxKeys) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    return e;
  }
}
