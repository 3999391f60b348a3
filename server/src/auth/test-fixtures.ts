// Shared by the auth tests: a cheap store and a small app with one route per kind of access.
import { Hono, type Context } from "hono";
import { authenticate } from "./authenticate/index.ts";
import { csrfProtection } from "./csrf/index.ts";
import { requireIngest, requireRole } from "./require-role/index.ts";
import { AuthStore, type AuthStoreOptions } from "./store/index.ts";

/** scrypt cheap enough for tests; real stores use DEFAULT_SCRYPT. */
export const FAST_SCRYPT = { N: 1024, r: 8, p: 1, keylen: 32 } as const;

/** A password that passes the policy. */
export const GOOD_PASSWORD = "correct horse battery";

/** An in-memory store with cheap hashing. */
export function memoryStore(extra: Partial<AuthStoreOptions> = {}): Promise<AuthStore> {
  return AuthStore.open({ path: ":memory:", scrypt: FAST_SCRYPT, ...extra });
}

/**
 * Routes tagged with the access they need, each answering `{ principal }`:
 * reads for display+, a write for analysts, admin reads and writes, ingest per stream.
 */
export function demoApp(store: AuthStore): Hono {
  const app = new Hono();
  const echo = (c: Context): Response => c.json({ principal: c.get("principal") ?? null });
  app.use("/api/*", authenticate({ store }), csrfProtection());
  app.get("/api/whoami", echo);
  app.get("/api/manifest", requireRole("display"), echo);
  app.get("/api/reports", requireRole("viewer"), echo);
  app.post("/api/reports", requireRole("analyst"), echo);
  app.post("/api/wall/ping", requireRole("display"), echo);
  app.get("/api/admin/users", requireRole("admin"), echo);
  app.delete("/api/admin/users/:name", requireRole("admin"), echo);
  app.post("/api/ingest/:stream", requireIngest(), echo);
  app.post("/api/upload/:stream", requireIngest({ roles: ["admin"] }), echo);
  return app;
}
