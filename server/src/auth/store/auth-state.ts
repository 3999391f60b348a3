import type { AuthData } from "./auth-data.ts";
import { saveAuthFile } from "./auth-file.ts";

/** ISO time of a millisecond timestamp. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** User names compare ignoring case. */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The store's in-memory data and the one way it reaches disk: serialised whole-file writes,
 * plus throttled "touches" for usage timestamps that need not be written on every request.
 */
export class AuthState {
  readonly #touched = new Map<string, number>();
  #writing: Promise<void> = Promise.resolve();

  constructor(
    /** The live data; tables mutate it, then call {@link persist}. */
    public data: AuthData,
    private readonly path: string,
    readonly now: () => number,
    private readonly touchMs: number,
  ) {}

  /** Writes the current state after any write in flight; a failure reaches the caller. */
  persist(): Promise<void> {
    if (this.path === ":memory:") return Promise.resolve();
    const run = this.#writing.then(() => saveAuthFile(this.path, this.data));
    this.#writing = run.catch(() => undefined);
    return run;
  }

  /** Persists a usage timestamp at most once per touch interval per key. */
  async touch(key: string, now: number): Promise<void> {
    const last = this.#touched.get(key);
    if (last !== undefined && now - last < this.touchMs) return;
    this.markTouched(key, now);
    await this.persist();
  }

  /** Records that `key` was just written, so the next touch within the interval is skipped. */
  markTouched(key: string, now: number): void {
    if (this.#touched.size >= 10_000) this.#touched.clear();
    this.#touched.set(key, now);
  }

  /** Resolves once pending writes are done. */
  async settled(): Promise<void> {
    await this.#writing;
  }
}
