import { randomSecret, safeEqual, sha256Hex } from "./secrets.ts";

/** The one-time link that lets the first admin be created. */
export interface SetupLink {
  /** Path and query to open on the server, e.g. `/setup?code=…`. */
  readonly path: string;
  /** The code alone, which `POST /api/auth/setup` takes. */
  readonly code: string;
  readonly expiresAt: string;
}

/**
 * Holds at most one live setup code, in memory only: a restart (or a new link) voids the old one,
 * and the code is spent by its first successful use.
 */
export class SetupCodes {
  #current: { sha256: string; expiresAtMs: number } | undefined;

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  /** Mints a new code, replacing any earlier one. */
  create(): SetupLink {
    const code = randomSecret(24);
    const expiresAtMs = this.now() + this.ttlMs;
    this.#current = { sha256: sha256Hex(code), expiresAtMs };
    return {
      path: `/setup?code=${encodeURIComponent(code)}`,
      code,
      expiresAt: new Date(expiresAtMs).toISOString(),
    };
  }

  /** Whether `code` is the live, unexpired code. Does not spend it. */
  check(code: string): boolean {
    const cur = this.#current;
    if (!cur) return false;
    if (this.now() >= cur.expiresAtMs) {
      this.#current = undefined;
      return false;
    }
    return safeEqual(sha256Hex(code), cur.sha256);
  }

  /** Spends the current code. */
  spend(): void {
    this.#current = undefined;
  }
}
