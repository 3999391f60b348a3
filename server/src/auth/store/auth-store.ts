import type { TokenKind, UserRole } from "../roles.ts";
import { emptyAuthData, type UserRecord } from "./auth-data.ts";
import { loadAuthFile } from "./auth-file.ts";
import { AuthState, iso, sameName } from "./auth-state.ts";
import { AuthStoreError } from "./auth-store-error.ts";
import type { IssuedToken, NewSession, SessionInfo, TokenCheck, TokenInfo, UserInfo } from "./auth-types.ts";
import { passwordProblem, userNameProblem } from "./credential-rules.ts";
import {
  DEFAULT_SCRYPT,
  checkPassword,
  hashPassword,
  type PasswordHash,
  type ScryptParams,
} from "./password.ts";
import { randomSecret } from "./secrets.ts";
import { SessionTable } from "./session-table.ts";
import { SetupCodes, type SetupLink } from "./setup-link.ts";
import { TokenTable } from "./token-table.ts";

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

function userInfo(u: UserRecord): UserInfo {
  return { name: u.name, role: u.role, createdAt: u.createdAt, updatedAt: u.updatedAt };
}

/**
 * Users, machine tokens and sessions, cached in memory and persisted to one JSON file.
 * Secrets (passwords, tokens, session ids) are stored only as hashes. One process owns the file.
 * @example
 * const store = await AuthStore.open({ path: "data/auth.json" });
 * if (store.needsSetup()) console.log(`first admin: http://host:8080${store.createSetupLink().path}`);
 */
export class AuthStore {
  readonly #state: AuthState;
  readonly #tokens: TokenTable;
  readonly #sessions: SessionTable;
  readonly #setup: SetupCodes;
  readonly #scrypt: ScryptParams;
  #dummyHash: Promise<PasswordHash> | undefined;

  private constructor(options: AuthStoreOptions, state: AuthState) {
    this.#state = state;
    this.#scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    this.#tokens = new TokenTable(state);
    this.#sessions = new SessionTable(
      state,
      options.sessionIdleMs ?? 8 * HOUR,
      options.sessionMaxMs ?? 168 * HOUR,
    );
    this.#setup = new SetupCodes(state.now, options.setupLinkMs ?? HOUR);
  }

  /** Opens (or starts) the store; a malformed file is an error, never silently replaced. */
  static async open(options: AuthStoreOptions): Promise<AuthStore> {
    const data = options.path === ":memory:" ? emptyAuthData() : await loadAuthFile(options.path);
    const state = new AuthState(
      data,
      options.path,
      options.now ?? Date.now,
      options.touchIntervalMs ?? 60_000,
    );
    return new AuthStore(options, state);
  }

  /** Waits for pending writes. */
  close(): Promise<void> {
    return this.#state.settled();
  }

  // ---- first start -------------------------------------------------------------------------

  /** True while no admin exists: the server should print a setup link. */
  needsSetup(): boolean {
    return !this.#state.data.users.some((u) => u.role === "admin");
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
    return this.#state.data.users.map(userInfo);
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
    this.#mustBeFree(input.name);
    const password = await hashPassword(input.password, this.#scrypt);
    this.#mustBeFree(input.name); // again: another request may have taken the name during the hash
    const now = iso(this.#state.now());
    const record: UserRecord = {
      name: input.name,
      role: input.role,
      password,
      createdAt: now,
      updatedAt: now,
    };
    this.#state.data.users.push(record);
    await this.#state.persist();
    return userInfo(record);
  }

  /**
   * Removes a user and their sessions. The last admin cannot be removed unless `allowLastAdmin`
   * (for tooling that cleans up after itself; the store then needs setup again).
   */
  async removeUser(name: string, options: { allowLastAdmin?: boolean } = {}): Promise<UserInfo> {
    const u = this.#mustUser(name);
    const admins = this.#state.data.users.filter((x) => x.role === "admin").length;
    if (u.role === "admin" && admins === 1 && !options.allowLastAdmin) {
      throw new AuthStoreError(
        "last_admin",
        `"${u.name}" is the last admin; add another admin first`,
        "name",
      );
    }
    this.#state.data.users = this.#state.data.users.filter((x) => x !== u);
    this.#sessions.dropFor(u.name);
    await this.#state.persist();
    return userInfo(u);
  }

  /** Sets a new password and ends all of the user's sessions. */
  async resetPassword(name: string, password: string): Promise<UserInfo> {
    const u = this.#mustUser(name);
    this.#checkPassword(u.name, password);
    u.password = await hashPassword(password, this.#scrypt);
    u.updatedAt = iso(this.#state.now());
    this.#sessions.dropFor(u.name);
    await this.#state.persist();
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
  issueToken(input: {
    kind: TokenKind;
    label: string;
    streams?: readonly string[];
    createdBy?: string;
  }): Promise<IssuedToken> {
    return this.#tokens.issue(input);
  }

  /** Revokes a token (the record stays, for the audit trail); undefined when the id is unknown. */
  revokeToken(id: string): Promise<TokenInfo | undefined> {
    return this.#tokens.revoke(id);
  }

  listTokens(): TokenInfo[] {
    return this.#tokens.list();
  }

  /** Checks a presented token; a good one has its `lastUsedAt` brought up to date. */
  checkToken(raw: string): Promise<TokenCheck> {
    return this.#tokens.check(raw);
  }

  // ---- sessions ----------------------------------------------------------------------------

  /** Starts a session for an existing user. */
  createSession(userName: string): Promise<NewSession> {
    return this.#sessions.create(this.#mustUser(userName));
  }

  /** Looks up a session by cookie value and slides its expiry; undefined when expired or unknown. */
  async getSession(id: string): Promise<SessionInfo | undefined> {
    const found = await this.#sessions.get(id, (name) => this.#user(name));
    if (!found) return undefined;
    const { csrf: csrfToken, expiresAt, absoluteExpiresAt } = found.record;
    return { user: userInfo(found.user), csrfToken, expiresAt, absoluteExpiresAt };
  }

  /** Ends a session (logout); unknown ids are ignored. */
  deleteSession(id: string): Promise<void> {
    return this.#sessions.delete(id);
  }

  // ---- internals ---------------------------------------------------------------------------

  #user(name: string): UserRecord | undefined {
    return this.#state.data.users.find((u) => sameName(u.name, name));
  }

  #mustUser(name: string): UserRecord {
    const u = this.#user(name);
    if (!u) throw new AuthStoreError("unknown_user", `no user named "${name}"`, "name");
    return u;
  }

  #mustBeFree(name: string): void {
    if (this.#user(name))
      throw new AuthStoreError("user_exists", `a user named "${name}" already exists`, "name");
  }

  #checkPassword(name: string, password: string): void {
    const problem = passwordProblem(name, password);
    if (problem) throw new AuthStoreError("invalid_password", `password ${problem}`, "password");
  }
}
