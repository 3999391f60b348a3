import type { TokenKind, UserRole } from "../roles.ts";

/** A user as the API shows it: never the password hash. */
export interface UserInfo {
  readonly name: string;
  readonly role: UserRole;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A token as the API shows it: never the secret or its hash. */
export interface TokenInfo {
  readonly id: string;
  readonly kind: TokenKind;
  readonly label: string;
  readonly streams: readonly string[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** What `issueToken` returns: the only time the secret is seen. */
export interface IssuedToken {
  /** The full token to hand to the wall PC or data source; not recoverable later. */
  readonly token: string;
  readonly info: TokenInfo;
}

/** Result of checking a presented token. */
export type TokenCheck =
  | { readonly ok: true; readonly token: TokenInfo }
  | { readonly ok: false; readonly reason: "malformed" | "unknown" | "revoked" };

/** A session just created: `id` goes in the cookie, `csrfToken` to the client's script. */
export interface NewSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly absoluteExpiresAt: string;
}

/** A live session as looked up by its cookie value. */
export interface SessionInfo {
  readonly user: UserInfo;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly absoluteExpiresAt: string;
}
