// Shared by the auth route tests: an app with only the auth routes, and a logged-in client.
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { AuditLog } from "../../auth/audit/index.ts";
import { CSRF_HEADER } from "../../auth/csrf/index.ts";
import { SESSION_COOKIE } from "../../auth/session-cookie.ts";
import { memoryStore } from "../../auth/test-fixtures.ts";
import type { AuthStore } from "../../auth/store/index.ts";
import { authRoutes, type AuthRoutesOptions } from "./auth-routes.ts";

export { GOOD_PASSWORD } from "../../auth/test-fixtures.ts";

/** The auth routes under `/api`, with an in-memory store and audit log; the client ip is `X-Test-IP`. */
export async function authApp(
  extra: Partial<AuthRoutesOptions> = {},
): Promise<{ app: Hono; store: AuthStore; audit: AuditLog }> {
  const store = extra.store ?? (await memoryStore());
  const audit = extra.audit ?? (await AuditLog.open({ path: ":memory:" }));
  const app = new Hono();
  app.use("*", requestId());
  app.route(
    "/api",
    authRoutes({ ip: (c) => c.req.header("X-Test-IP") ?? "127.0.0.1", ...extra, store, audit }),
  );
  return { app, store, audit };
}

/** POSTs JSON. */
export function postJson(
  app: Hono,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** The cookie value a response set, if any. */
export function sessionCookieOf(res: Response): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const m = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(line);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** A browser-like client: logs in, then sends the cookie and the CSRF header on every request. */
export async function loginAs(
  app: Hono,
  name: string,
  password: string,
): Promise<{ headers: Record<string, string>; csrfToken: string }> {
  const res = await postJson(app, "/api/auth/login", { name, password });
  if (res.status !== 200) throw new Error(`login as ${name}: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error("login set no cookie");
  return { headers: { Cookie: `${SESSION_COOKIE}=${cookie}`, [CSRF_HEADER]: csrfToken }, csrfToken };
}
