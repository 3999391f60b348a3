import type { SessionRecord, UserRecord } from "./auth-data.ts";
import { iso, sameName, type AuthState } from "./auth-state.ts";
import type { NewSession } from "./auth-types.ts";
import { randomSecret, sha256Hex } from "./secrets.ts";

/**
 * Browser sessions keyed by the sha256 of the cookie value, each with its CSRF secret.
 * Expiry slides by `idleMs` on use, never past `maxMs` after login.
 */
export class SessionTable {
  constructor(
    private readonly state: AuthState,
    private readonly idleMs: number,
    private readonly maxMs: number,
  ) {}

  async create(user: UserRecord): Promise<NewSession> {
    const now = this.state.now();
    const live = this.state.data.sessions.filter((s) => Date.parse(s.expiresAt) > now);
    const id = randomSecret(32);
    const record: SessionRecord = {
      idSha256: sha256Hex(id),
      user: user.name,
      csrf: randomSecret(32),
      createdAt: iso(now),
      expiresAt: iso(now + Math.min(this.idleMs, this.maxMs)),
      absoluteExpiresAt: iso(now + this.maxMs),
    };
    this.state.data.sessions = [...live, record];
    this.state.markTouched(`s:${record.idSha256}`, now);
    await this.state.persist();
    const { csrf: csrfToken, expiresAt, absoluteExpiresAt } = record;
    return { id, csrfToken, expiresAt, absoluteExpiresAt };
  }

  /** The live session for a cookie value, its expiry slid forward; expired ones are dropped. */
  async get(
    id: string,
    userOf: (name: string) => UserRecord | undefined,
  ): Promise<{ record: SessionRecord; user: UserRecord } | undefined> {
    const key = sha256Hex(id);
    const s = this.state.data.sessions.find((x) => x.idSha256 === key);
    if (!s) return undefined;
    const now = this.state.now();
    const user = userOf(s.user);
    if (!user || now >= Date.parse(s.expiresAt)) {
      this.state.data.sessions = this.state.data.sessions.filter((x) => x !== s);
      await this.state.persist();
      return undefined;
    }
    s.expiresAt = iso(Math.min(now + this.idleMs, Date.parse(s.absoluteExpiresAt)));
    await this.state.touch(`s:${key}`, now);
    return { record: s, user };
  }

  async delete(id: string): Promise<void> {
    const key = sha256Hex(id);
    const before = this.state.data.sessions.length;
    this.state.data.sessions = this.state.data.sessions.filter((x) => x.idSha256 !== key);
    if (this.state.data.sessions.length !== before) await this.state.persist();
  }

  /** Drops every session of a user, in memory; the caller persists with its own change. */
  dropFor(userName: string): void {
    this.state.data.sessions = this.state.data.sessions.filter((s) => !sameName(s.user, userName));
  }
}
