import { Hono } from "hono";
import { requireRole } from "../../auth/require-role/index.ts";
import { audit, type AuthRouteDeps } from "./auth-route-deps.ts";
import { readJson } from "./read-json.ts";
import { newUserBody, passwordBody } from "./schemas.ts";
import { storeErrorResponse } from "./store-error-response.ts";

/** Admin-only user management: list, add, remove, reset a password. */
export function userRoutes(deps: AuthRouteDeps): Hono {
  const app = new Hono();
  const admin = requireRole("admin");

  app.get("/auth/users", admin, (c) => c.json({ users: deps.store.listUsers() }));

  app.post("/auth/users", admin, async (c) => {
    const body = await readJson(c, newUserBody);
    if (body instanceof Response) return body;
    try {
      const user = await deps.store.addUser(body);
      await audit(deps, c, "user.add", user.name, { details: { role: user.role } });
      return c.json({ user }, 201);
    } catch (e) {
      return storeErrorResponse(c, e);
    }
  });

  app.delete("/auth/users/:name", admin, async (c) => {
    try {
      const user = await deps.store.removeUser(c.req.param("name"));
      await audit(deps, c, "user.remove", user.name);
      return c.json({ user });
    } catch (e) {
      return storeErrorResponse(c, e);
    }
  });

  app.post("/auth/users/:name/password", admin, async (c) => {
    const body = await readJson(c, passwordBody);
    if (body instanceof Response) return body;
    try {
      const user = await deps.store.resetPassword(c.req.param("name"), body.password);
      await audit(deps, c, "user.password", user.name);
      return c.json({ user });
    } catch (e) {
      return storeErrorResponse(c, e);
    }
  });

  return app;
}
