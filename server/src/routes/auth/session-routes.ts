import { Hono } from "hono";
import { apiError } from "../../errors.ts";
import { unauthorized } from "../../auth/auth-error.ts";
import type { RateLimiter } from "../../auth/rate-limit/index.ts";
import { tooManyRequests } from "../../auth/rate-limit/index.ts";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "../../auth/session-cookie.ts";
import { audit, type AuthRouteDeps } from "./auth-route-deps.ts";
import { readJson } from "./read-json.ts";
import { loginBody } from "./schemas.ts";

/**
 * `POST /auth/login`, `POST /auth/logout`, `GET /auth/me`.
 * `nameLimiter` counts failed logins per account, so guessing one password from many addresses
 * is slowed as well as guessing from one.
 */
export function sessionRoutes(deps: AuthRouteDeps, nameLimiter: RateLimiter): Hono {
  const app = new Hono();

  app.post("/auth/login", async (c) => {
    const body = await readJson(c, loginBody);
    if (body instanceof Response) return body;
    const nameKey = `name:${body.name.toLowerCase()}`;
    const gate = nameLimiter.check(nameKey);
    if (!gate.allowed) {
      await audit(deps, c, "login.failure", body.name, { details: { reason: "rate_limited" } });
      return tooManyRequests(c, gate);
    }
    const user = await deps.store.verifyPassword(body.name, body.password);
    if (!user) {
      nameLimiter.hit(nameKey);
      await audit(deps, c, "login.failure", body.name, { details: { reason: "bad_credentials" } });
      return apiError(c, 401, "invalid_credentials", "name or password is wrong");
    }
    const old = readSessionCookie(c);
    if (old !== undefined) await deps.store.deleteSession(old);
    const session = await deps.store.createSession(user.name);
    setSessionCookie(c, session);
    await audit(deps, c, "login.success", user.name, { actor: `user:${user.name}` });
    return c.json({ user, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
  });

  app.post("/auth/logout", async (c) => {
    const cookie = readSessionCookie(c);
    const p = c.get("principal");
    if (cookie !== undefined) {
      await deps.store.deleteSession(cookie);
      clearSessionCookie(c);
    }
    if (p?.kind === "user") await audit(deps, c, "logout", p.name);
    return c.json({ ok: true });
  });

  // Any principal, ingest tokens included: a client can check what its credential is worth.
  app.get("/auth/me", (c) => {
    const p = c.get("principal");
    if (!p) return unauthorized(c, "unauthenticated", "log in, or send a token in Authorization: Bearer");
    return c.json({ principal: p });
  });

  return app;
}
