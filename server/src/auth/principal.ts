import type { Context } from "hono";
import type { Role, TokenKind, UserRole } from "./roles.ts";

/** A person authenticated by a session cookie. */
export interface UserPrincipal {
  readonly kind: "user";
  readonly name: string;
  readonly role: UserRole;
  readonly via: "session";
  /** The session's CSRF secret, which unsafe requests must echo in `X-CSRF-Token`. */
  readonly csrfToken: string;
}

/** A machine authenticated by a token in `Authorization: Bearer` or `?token=`. */
export interface TokenPrincipal {
  readonly kind: "token";
  readonly tokenId: string;
  readonly label: string;
  readonly role: TokenKind;
  /** Streams an ingest token may write; empty for display tokens. */
  readonly streams: readonly string[];
  readonly via: "bearer" | "query";
}

/** Whoever made the request, as resolved by `authenticate`. */
export type Principal = UserPrincipal | TokenPrincipal;

declare module "hono" {
  interface ContextVariableMap {
    /** Set by `authenticate` when a credential was valid; absent for anonymous requests. */
    principal: Principal | undefined;
    /** Set by `authenticate` once it has run, so running it twice is harmless. */
    authResolved: boolean | undefined;
  }
}

/** The principal's role, or undefined for an anonymous request. */
export function roleOf(c: Context): Role | undefined {
  return c.get("principal")?.role;
}

/**
 * The principal of a request behind `requireRole`/`requireIngest`.
 * Throws when called on a route without them: that is a wiring bug, not a client error.
 * @example
 * app.post("/alerts/:id/ack", requireRole("analyst"), (c) => c.json({ by: actorName(principalOf(c)) }));
 */
export function principalOf(c: Context): Principal {
  const p = c.get("principal");
  if (!p) throw new Error(`no principal on ${c.req.method} ${c.req.path}: is requireRole() on this route?`);
  return p;
}

/** A stable, human-readable name for audit lines: `user:alice`, `token:3f9a0c1d2e4b5a69`. */
export function actorName(p: Principal | undefined): string {
  if (!p) return "anonymous";
  return p.kind === "user" ? `user:${p.name}` : `token:${p.tokenId}`;
}
