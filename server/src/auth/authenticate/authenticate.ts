import type { Context, MiddlewareHandler } from "hono";
import { unauthorized } from "../auth-error.ts";
import type { Principal } from "../principal.ts";
import { clearSessionCookie, readSessionCookie } from "../session-cookie.ts";
import type { AuthStore } from "../store/index.ts";

/** Options of {@link authenticate}. */
export interface AuthenticateOptions {
  /**
   * Where users, tokens and sessions live.
   * @example
   * api.use("*", authenticate({ store: await AuthStore.open({ path: "data/auth.json" }) }));
   */
  readonly store: AuthStore;
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

async function fromToken(
  c: Context,
  store: AuthStore,
  raw: string,
  via: "bearer" | "query",
): Promise<Principal | Response> {
  const check = await store.checkToken(raw);
  if (!check.ok) {
    return check.reason === "revoked"
      ? unauthorized(c, "token_revoked", "this token was revoked; ask an admin for a new one")
      : unauthorized(c, "invalid_token", "token not recognised; check it was copied whole");
  }
  const t = check.token;
  if (via === "query" && t.kind !== "display") {
    // Only wall PCs may put a token in the URL; URLs end up in logs and histories.
    return unauthorized(c, "token_in_url", "ingest tokens go in the Authorization header, not the URL");
  }
  return { kind: "token", tokenId: t.id, label: t.label, role: t.kind, streams: t.streams, via };
}

async function resolve(c: Context, store: AuthStore): Promise<Principal | Response | undefined> {
  const header = c.req.header("Authorization");
  if (header !== undefined) {
    const m = BEARER.exec(header);
    if (!m?.[1]) return unauthorized(c, "invalid_authorization", "Authorization must be `Bearer <token>`");
    return fromToken(c, store, m[1], "bearer");
  }
  const query = c.req.query("token");
  if (query !== undefined) {
    // The URL may be read by others (referrers); keep it from leaving the page.
    c.header("Referrer-Policy", "no-referrer");
    return fromToken(c, store, query, "query");
  }
  const cookie = readSessionCookie(c);
  if (cookie === undefined) return undefined;
  const session = await store.getSession(cookie);
  if (!session) {
    // A stale cookie is not an error: the request goes on as anonymous and the cookie is dropped.
    clearSessionCookie(c);
    return undefined;
  }
  const { name, role } = session.user;
  return { kind: "user", name, role, via: "session", csrfToken: session.csrfToken };
}

/**
 * Resolves who is calling and sets `c.get("principal")`: a bearer token, then `?token=`
 * (display tokens only), then the session cookie. No credential → anonymous (the principal is
 * unset; `requireRole` answers 401). A bad or revoked token → 401 at once, so a wall PC can show
 * why. Running it twice on one request is harmless.
 * @example
 * api.use("*", authenticate({ store }));
 * api.get("/manifest", requireRole("display"), handler);
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.get("authResolved")) return next();
    c.set("authResolved", true);
    const result = await resolve(c, options.store);
    if (result instanceof Response) return result;
    c.set("principal", result);
    await next();
  };
}
