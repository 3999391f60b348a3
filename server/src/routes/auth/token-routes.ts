import { Hono } from "hono";
import { apiError } from "../../errors.ts";
import { actorName } from "../../auth/principal.ts";
import { requireRole } from "../../auth/require-role/index.ts";
import { audit, type AuthRouteDeps } from "./auth-route-deps.ts";
import { readJson } from "./read-json.ts";
import { newTokenBody } from "./schemas.ts";
import { storeErrorResponse } from "./store-error-response.ts";

/** Admin-only machine tokens: list, issue (the secret is in this one answer only), revoke. */
export function tokenRoutes(deps: AuthRouteDeps): Hono {
  const app = new Hono();
  const admin = requireRole("admin");

  app.get("/auth/tokens", admin, (c) => c.json({ tokens: deps.store.listTokens() }));

  app.post("/auth/tokens", admin, async (c) => {
    const body = await readJson(c, newTokenBody);
    if (body instanceof Response) return body;
    const streams = body.kind === "ingest" ? body.streams : [];
    const known = deps.streams;
    const unknown = known ? streams.findIndex((s) => !known.includes(s)) : -1;
    if (known && unknown >= 0) {
      const field = `streams[${unknown}]`;
      return apiError(c, 400, "invalid_body", `field "${field}": no stream named "${streams[unknown]}"`, {
        field,
        known,
      });
    }
    try {
      const issued = await deps.store.issueToken({
        kind: body.kind,
        label: body.label,
        streams,
        createdBy: actorName(c.get("principal")),
      });
      await audit(deps, c, "token.issue", issued.info.id, {
        details: { kind: issued.info.kind, label: issued.info.label, streams: issued.info.streams },
      });
      return c.json(issued, 201);
    } catch (e) {
      return storeErrorResponse(c, e);
    }
  });

  app.delete("/auth/tokens/:id", admin, async (c) => {
    const id = c.req.param("id");
    const info = await deps.store.revokeToken(id);
    if (!info) return apiError(c, 404, "unknown_token", `no token with id "${id}"`, { param: "id" });
    await audit(deps, c, "token.revoke", id, { details: { label: info.label } });
    return c.json({ token: info });
  });

  return app;
}
