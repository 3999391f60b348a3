import { Hono } from "hono";
import { setSessionCookie } from "../../auth/session-cookie.ts";
import { AuthStoreError } from "../../auth/store/index.ts";
import { audit, type AuthRouteDeps } from "./auth-route-deps.ts";
import { readJson } from "./read-json.ts";
import { setupBody } from "./schemas.ts";
import { storeErrorResponse } from "./store-error-response.ts";

/**
 * `GET /auth/setup` (whether the first admin is still to be created) and `POST /auth/setup`
 * (create it with the one-time code from the server's console, and log in as it).
 */
export function setupRoutes(deps: AuthRouteDeps): Hono {
  const app = new Hono();

  app.get("/auth/setup", (c) => c.json({ needsSetup: deps.store.needsSetup() }));

  app.post("/auth/setup", async (c) => {
    const body = await readJson(c, setupBody);
    if (body instanceof Response) return body;
    try {
      const user = await deps.store.setupAdmin(body.code, body.name, body.password);
      const session = await deps.store.createSession(user.name);
      setSessionCookie(c, session);
      await audit(deps, c, "setup.admin", user.name, { actor: `user:${user.name}` });
      return c.json({ user, csrfToken: session.csrfToken, expiresAt: session.expiresAt }, 201);
    } catch (e) {
      if (e instanceof AuthStoreError && (e.code === "invalid_setup_code" || e.code === "already_set_up")) {
        await audit(deps, c, "setup.failure", body.name, { details: { reason: e.code } });
      }
      return storeErrorResponse(c, e);
    }
  });

  return app;
}
