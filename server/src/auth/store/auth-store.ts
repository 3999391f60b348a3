import type { TokenKind, UserRole } from "../roles.ts";
import {
  emptyAuthData,
  type AuthData,
  type SessionRecord,
  type TokenRecord,
  type UserRecord,
} from "./auth-data.ts";
import { loadAuthFile, saveAuthFile } from "./auth-file.ts";
import { AuthStoreError } from "./auth-store-error.ts";
import type { IssuedToken, NewSession, SessionInfo, TokenCheck, TokenInfo, UserInfo } from "./auth-types.ts";
import { STREAM_NAME_PATTERN, passwordProblem, userNameProblem } from "./credential-rules.ts";
import {
  DEFAULT_SCRYPT,
  checkPassword,
  hashPassword,
  type PasswordHash,
  type ScryptParams,
} from "./password.ts";
import { randomSecret, safeEqual, sha256Hex } from "./secrets.ts";
import { SetupCodes, type SetupLink } from "./setup-link.ts";
import { mintToken, parseToken } from "./token-format.ts";

/** Options of {@link AuthStore.open}. */
export interface AuthStoreOptions {
  /**
   * JSON file holding users, tokens and sessions (written 0600, atomically), or `":memory:"`.
   * @example
   * await AuthStore.open({ path: "data/auth.json" });
   */
  readonly path: string;
  /** scrypt parameters for new hashes (old hashes keep theirs). Default N=2^15, r=8, p=1. */
  readonly scrypt?: ScryptParams;
  /** A session expires after this long unused. Default 8 h. */
  readonly sessionIdleMs?: number;
  /** A session expires this long after login however active. Default 7 days. */
  readonly sessionMaxMs?: number;
  /** How long a setup link stays valid. Default 1 h. */
  readonly setupLinkMs?: number;
  /** Sliding expiry and `lastUsedAt` reach the file at most this often per session/token. Default 60 s. */
  readonly touchIntervalMs?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function userInfo(u: UserRecord): UserInfo {
  return { name: u.name, role: u.role, createdAt: u.createdAt, updatedAt: u.updatedAt };
}

function tokenInfo(t: TokenRecord): TokenInfo {
  const { secretSha256: _hash, ...info } = t;
  return { ...info, streams: [...t.streams] };
}

/**
 * Users, machine tokens and sessions, cached in memory and persisted to one JSON file.
 * Secrets (passwords, tokens, session ids) are stored only as hashes. One process owns the file.
 * @example
 * const store = await AuthStore.open({ path: "data/auth.json" });
 * if (store.needsSetup()) console.log(`first admin: http://host:8080${store.createSetupLink().path}`);
 */
export class AuthStore {
  readonly #path: string;
  readonly #now: () => number;
  readonly #scrypt: ScryptParams;
  readonly #idleMs: number;
  readonly #maxMs: number;
  readonly #touchMs: number;
  readonly #setup: SetupCodes;
  readonly #touched = new Map<string, number>();
  #data: AuthData;
  #writing: Promise<void> = Promise.resolve();
  #dummyHash: Promise<PasswordHash> | undefined;

  private constructor(options: AuthStoreOptions, data: AuthData) {
    this.#path = options.path;
    this.#now = options.now ?? Date.now;
    this.#scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    this.#idleMs = options.sessionIdleMs ?? 8 * HOUR;
    this.#maxMs = options.sessionMaxMs ?? 7 * 24 * HOUR;
    this.#touchMs = options.touchIntervalMs ?? 60_000;
    this.#setup = new SetupCodes(this.#now, options.setupLinkMs ?? HOUR);
    this.#data = data;
  }

  /** Opens (or starts) the store; a malformed file is an error, never silently replaced. */
  static async open(options: AuthStoreOptions): Promise<AuthStore> {
    const data = options.path === ":memory:" ? emptyAuthData() : await loadAuthFile(options.path);
    return new AuthStore(options, data);
  }

  /** Waits for pending writes. */
  async close(): Promise<void> {
    await this.#writing;
  }

  // ---- first start -------------------------------------------------------------------------

  /** True while no admin exists: the server should print a setup link. */
  needsSetup(): boolean {
    return !this.#data.users.some((u) => u.role === "admin");
  }

  /** A one-time `/setup?code=…` link, valid for an hour; a new link voids the previous one. */
  createSetupLink(): SetupLink {
    return this.#setup.create();
  }

  /** Creates the first admin with a setup code, spending the code. */
  async setupAdmin(code: string, name: string, password: string): Promise<UserInfo> {
    if (!this.needsSetup()) throw new AuthStoreError("already_set_up", "an admin already exists; log in");
    if (!this.#setup.check(code)) {
      throw new AuthStoreError("invalid_setup_code", "setup code is wrong, used or expired", "code");
    }
    const user = await this.addUser({ name, role: "admin", password });
    this.#setup.spend();
    return user;
  }

  // ---- users -------------------------------------------------------------------------------

  listUsers(): UserInfo[] {
    return this.#data.users.map(userInfo);
  }

  getUser(name: string): UserInfo | undefined {
    const u = this.#user(name);
    return u && userInfo(u);
  }

  /** Adds a user; names are unique ignoring case. */
  async addUser(input: { name: string; role: UserRole; password: string }): Promise<UserInfo> {
    const nameProblem = userNameProblem(input.name);
    if (nameProblem) throw new AuthStoreError("invalid_name", `name ${nameProblem}`, "name");
    this.#checkPassword(input.name, input.password);
    if (this.#user(input.name)) {
      throw new AuthStoreError("user_exists", `a user named "${input.name}" already exists`, "name");
    }
    const password = await hashPassword(input.password, this.#scrypt);
    // Re-check after the await: another request may have added the same name meanwhile.
    if (this.#user(input.name)) {
      throw new AuthStoreError("user_exists", `a user named "${input.name}" already exists`, "name");
    }
    const now = iso(this.#now());
    const record: UserRecord = {
      name: input.name,
      role: input.role,
      password,
      createdAt: now,
      updatedAt: now,
    };
    this.#data.users.push(record);
    await this.#persist();
    return userInfo(record);
  }

  /**
   * Removes a user and their sessions. The last admin cannot be removed unless `allowLastAdmin`
   * (for tooling that cleans up after itself; the store then needs setup again).
   */
  async removeUser(name: string, options: { allowLastAdmin?: boolean } = {}): Promise<UserInfo> {
    const u = this.#mustUser(name);
    const admins = this.#data.users.filter((x) => x.role === "admin").length;
    if (u.role === "admin" && admins === 1 && !options.allowLastAdmin) {
      throw new AuthStoreError(
        "last_admin",
        `"${u.name}" is the last admin; add another admin first`,
        "name",
      );
    }
    this.#data.users = this.#data.users.filter((x) => x !== u);
    this.#data.sessions = this.#data.sessions.filter((s) => !sameName(s.user, u.name));
    await this.#persist();
    return userInfo(u);
  }

  /** Sets a new password and ends all of the user's sessions. */
  async resetPassword(name: string, password: string): Promise<UserInfo> {
    const u = this.#mustUser(name);
    this.#checkPassword(u.name, password);
    u.password = await hashPassword(password, this.#scrypt);
    u.updatedAt = iso(this.#now());
    this.#data.sessions = this.#data.sessions.filter((s) => !sameName(s.user, u.name));
    await this.#persist();
    return userInfo(u);
  }

  /** The user when the password matches; costs one scrypt whether or not the user exists. */
  async verifyPassword(name: string, password: string): Promise<UserInfo | undefined> {
    const u = this.#user(name);
    if (!u) {
      this.#dummyHash ??= hashPassword(randomSecret(), this.#scrypt);
      await checkPassword(password, await this.#dummyHash);
      return undefined;
    }
    return (await checkPassword(password, u.password)) ? userInfo(u) : undefined;
  }

  // ---- tokens ------------------------------------------------------------------------------

  /** Issues a token; the returned `token` string is the only copy of the secret. */
  async issueToken(input: {
    kind: TokenKind;
    label: string;
    streams?: readonly string[];
    createdBy?: string;
  }): Promise<IssuedToken> {
    const streams = [...new Set(input.streams ?? [])].sort();
    if (input.kind === "ingest" && streams.length === 0) {
      throw new AuthStoreError("invalid_stream", "an ingest token needs at least one stream", "streams");
    }
    if (input.kind === "display" && streams.length > 0) {
      throw new AuthStoreError(
        "invalid_stream",
        "a display token reads everything; give no streams",
        "streams",
      );
    }
    const bad = streams.find((s) => !STREAM_NAME_PATTERN.test(s));
    if (bad !== undefined)
      throw new AuthStoreError("invalid_stream", `"${bad}" is not a stream name`, "streams");
    const minted = mintToken(input.kind);
    const record: TokenRecord = {
      id: minted.id,
      kind: input.kind,
      label: input.label.trim(),
      streams,
      secretSha256: sha256Hex(minted.secret),
      createdAt: iso(this.#now()),
      createdBy: input.createdBy ?? "system",
      lastUsedAt: null,
      revokedAt: null,
    };
    this.#data.tokens.push(record);
    await this.#persist();
    return { token: minted.token, info: tokenInfo(record) };
  }

  /** Revokes a token (the record stays, for the audit trail); undefined when the id is unknown. */
  async revokeToken(id: string): Promise<TokenInfo | undefined> {
    const t = this.#data.tokens.find((x) => x.id === id);
    if (!t) return undefined;
    t.revokedAt ??= iso(this.#now());
    await this.#persist();
    return tokenInfo(t);
  }

  listTokens(): TokenInfo[] {
    return this.#data.tokens.map(tokenInfo);
  }

  /** Checks a presented token; a good one has its `lastUsedAt` brought up to date. */
  async checkToken(raw: string): Promise<TokenCheck> {
    const parsed = parseToken(raw);
    if (!parsed) return { ok: false, reason: "malformed" };
    const t = this.#data.tokens.find((x) => x.id === parsed.id);
    if (!t || t.kind !== parsed.kind || !safeEqual(sha256Hex(parsed.secret), t.secretSha256)) {
      return { ok: false, reason: "unknown" };
    }
    if (t.revokedAt) return { ok: false, reason: "revoked" };
    const now = this.#now();
    t.lastUsedAt = iso(now);
    await this.#touch(`t:${t.id}`, now);
    return { ok: true, token: tokenInfo(t) };
  }

  // ---- sessions ----------------------------------------------------------------------------

  /** Starts a session for an existing user. */
  async createSession(userName: string): Promise<NewSession> {
    const u = this.#mustUser(userName);
    const now = this.#now();
    this.#data.sessions = this.#data.sessions.filter((s) => Date.parse(s.expiresAt) > now);
    const id = randomSecret(32);
    const record: SessionRecord = {
      idSha256: sha256Hex(id),
      user: u.name,
      csrf: randomSecret(32),
      createdAt: iso(now),
      expiresAt: iso(Math.min(now + this.#idleMs, now + this.#maxMs)),
      absoluteExpiresAt: iso(now + this.#maxMs),
    };
    this.#data.sessions.push(record);
    this.#touched.set(`s:${record.idSha256}`, now);
    await this.#persist();
    return {
      id,
      csrfToken: record.csrf,
      expiresAt: record.expiresAt,
      absoluteExpiresAt: record.absoluteExpiresAt,
    };
  }

  /** Looks up a session by cookie value and slides its expiry; undefined when expired or unknown. */
  async getSession(id: string): Promise<SessionInfo | undefined> {
    const key = sha256Hex(id);
    const s = this.#data.sessions.find((x) => x.idSha256 === key);
    if (!s) return undefined;
    const now = this.#now();
    const u = this.#user(s.user);
    if (!u || now >= Date.parse(s.expiresAt)) {
      this.#data.sessions = this.#data.sessions.filter((x) => x !== s);
      await this.#persist();
      return undefined;
    }
    s.expiresAt = iso(Math.min(now + this.#idleMs, Date.parse(s.absoluteExpiresAt)));
    await this.#touch(`s:${key}`, now);
    return {
      user: userInfo(u),
      csrfToken: s.csrf,
      expiresAt: s.expiresAt,
      absoluteExpiresAt: s.absoluteExpiresAt,
    };
  }

  /** Ends a session (logout); unknown ids are ignored. */
  async deleteSession(id: string): Promise<void> {
    const key = sha256Hex(id);
    const before = this.#data.sessions.length;
    this.#data.sessions = this.#data.sessions.filter((x) => x.idSha256 !== key);
    if (this.#data.sessions.length !== before) await this.#persist();
  }

  // ---- internals ---------------------------------------------------------------------------

  #user(name: string): UserRecord | undefined {
    return this.#data.users.find((u) => sameName(u.name, name));
  }

  #mustUser(name: string): UserRecord {
    const u = this.#user(name);
    if (!u) throw new AuthStoreError("unknown_user", `no user named "${name}"`, "name");
    return u;
  }

  #checkPassword(name: string, password: string): void {
    const problem = passwordProblem(name, password);
    if (problem) throw new AuthStoreError("invalid_password", `password ${problem}`, "password");
  }

  /** Persists a usage timestamp at most once per touch interval per key. */
  async #touch(key: string, now: number): Promise<void> {
    const last = this.#touched.get(key);
    if (last !== undefined && now - last < this.#touchMs) return;
    this.#touched.set(key, now);
    if (this.#touched.size > 10_000) this.#touched.clear();
    await this.#persist();
  }

  /** Writes the current state after any write in flight; a failure reaches the caller. */
  #persist(): Promise<void> {
    if (this.#path === ":memory:") return Promise.resolve();
    const run = this.#writing.then(() => saveAuthFile(this.#path, this.#data));
    this.#writing = run.catch(() => undefined);
    return run;
  }
}
