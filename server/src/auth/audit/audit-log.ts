import { appendFile, readFile } from "node:fs/promises";

/** Actions the audit log records. */
export type AuditAction =
  | "login.success"
  | "login.failure"
  | "logout"
  | "setup.admin"
  | "setup.failure"
  | "user.add"
  | "user.remove"
  | "user.password"
  | "token.issue"
  | "token.revoke"
  | "alert.ack"
  | "alert.close";

/** One line of the audit log. */
export interface AuditEntry {
  /** ISO time the action happened. */
  readonly time: string;
  /** `user:alice`, `token:<id>`, or `anonymous`. */
  readonly actor: string;
  readonly action: AuditAction;
  /** What the action was about: a user name, a token id, an alert id. */
  readonly target: string | null;
  readonly ip: string;
  readonly requestId: string | null;
  /** Anything else worth keeping (never a secret). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Options of {@link AuditLog.open}. */
export interface AuditLogOptions {
  /**
   * JSON-lines file to append to (created 0600 if absent), or `":memory:"`.
   * @example
   * await AuditLog.open({ path: "data/audit.jsonl" });
   */
  readonly path: string;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/**
 * Append-only record of who did what: logins, token and user changes, alert handling.
 * Appends are serialised so lines never interleave; a failed append rejects the caller.
 * @example
 * const audit = await AuditLog.open({ path: "data/audit.jsonl" });
 * await audit.record({ actor: "user:alice", action: "alert.ack", target: "A-17", ip, requestId });
 */
export class AuditLog {
  readonly #path: string;
  readonly #now: () => number;
  readonly #memory: AuditEntry[] = [];
  #writing: Promise<void> = Promise.resolve();

  private constructor(options: AuditLogOptions) {
    this.#path = options.path;
    this.#now = options.now ?? Date.now;
  }

  static async open(options: AuditLogOptions): Promise<AuditLog> {
    return new AuditLog(options);
  }

  /** Appends one entry, stamping the time; resolves once it is on disk. */
  record(entry: Omit<AuditEntry, "time">): Promise<AuditEntry> {
    const full: AuditEntry = { time: new Date(this.#now()).toISOString(), ...entry };
    if (this.#path === ":memory:") {
      this.#memory.push(full);
      return Promise.resolve(full);
    }
    const line = `${JSON.stringify(full)}\n`;
    const run = this.#writing.then(() => appendFile(this.#path, line, { encoding: "utf8", mode: 0o600 }));
    this.#writing = run.catch(() => undefined);
    return run.then(() => full);
  }

  /** Every entry so far, oldest first (reads the file back when file-backed). */
  async entries(): Promise<AuditEntry[]> {
    if (this.#path === ":memory:") return [...this.#memory];
    await this.#writing;
    let text: string;
    try {
      text = await readFile(this.#path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
    return text
      .split("\n")
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as AuditEntry);
  }
}
