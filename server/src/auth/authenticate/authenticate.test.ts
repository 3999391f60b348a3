import { Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../session-cookie.ts";
import { GOOD_PASSWORD, demoApp, memoryStore } from "../test-fixtures.ts";
import { authenticate } from "./authenticate.ts";

interface Body {
  principal: Record<string, unknown> | null;
  error?: { code: string; message: string };
}

async function whoami(
  app: Hono,
  path: string,
  headers: Record<string, string> = {},
): Promise<[number, Body]> {
  const res = await app.request(path, { headers });
  return [res.status, (await res.json()) as Body];
}

describe("authenticate", () => {
  it("leaves anonymous requests without a principal", async () => {
    const app = demoApp(await memoryStore());
    expect(await whoami(app, "/api/whoami")).toEqual([200, { principal: null }]);
  });

  it("resolves a display token from the Authorization header or ?token=", async () => {
    const store = await memoryStore();
    const { token, info } = await store.issueToken({ kind: "display", label: "大屏一号" });
    const app = demoApp(store);
    const [status, body] = await whoami(app, "/api/whoami", { Authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(body.principal).toEqual({
      kind: "token",
      tokenId: info.id,
      label: "大屏一号",
      role: "display",
      streams: [],
      via: "bearer",
    });
    const res = await app.request(`/api/whoami?token=${encodeURIComponent(token)}`);
    expect(((await res.json()) as Body).principal).toMatchObject({ role: "display", via: "query" });
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it("answers a bad, revoked or misplaced token with a 401 JSON error a wall can show", async () => {
    const store = await memoryStore();
    const display = await store.issueToken({ kind: "display", label: "wall" });
    const ingest = await store.issueToken({ kind: "ingest", label: "meters", streams: ["energy"] });
    const app = demoApp(store);
    const bad = await app.request("/api/whoami", { headers: { Authorization: "Bearer cbd.nope" } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
    expect(bad.headers.get("Content-Type")).toContain("application/json");
    expect(((await bad.json()) as Body).error?.code).toBe("invalid_token");
    const basic = await whoami(app, "/api/whoami", { Authorization: "Basic YTpi" });
    expect([basic[0], basic[1].error?.code]).toEqual([401, "invalid_authorization"]);
    const inUrl = await whoami(app, `/api/whoami?token=${ingest.token}`);
    expect([inUrl[0], inUrl[1].error?.code]).toEqual([401, "token_in_url"]);
    await store.revokeToken(display.info.id);
    const revoked = await whoami(app, `/api/manifest?token=${display.token}`);
    expect([revoked[0], revoked[1].error?.code]).toEqual([401, "token_revoked"]);
  });

  it("resolves a session cookie, and drops a stale one without failing the request", async () => {
    const store = await memoryStore();
    await store.addUser({ name: "alice", role: "analyst", password: GOOD_PASSWORD });
    const s = await store.createSession("alice");
    const app = demoApp(store);
    const [, body] = await whoami(app, "/api/whoami", { Cookie: `${SESSION_COOKIE}=${s.id}` });
    expect(body.principal).toEqual({
      kind: "user",
      name: "alice",
      role: "analyst",
      via: "session",
      csrfToken: s.csrfToken,
    });
    await store.deleteSession(s.id);
    const res = await app.request("/api/whoami", { headers: { Cookie: `${SESSION_COOKIE}=${s.id}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Body).principal).toBeNull();
    expect(res.headers.get("Set-Cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
  });

  it("prefers an explicit token over the cookie, and runs once when mounted twice", async () => {
    const store = await memoryStore();
    await store.addUser({ name: "alice", role: "admin", password: GOOD_PASSWORD });
    const s = await store.createSession("alice");
    const { token } = await store.issueToken({ kind: "display", label: "wall" });
    const check = vi.spyOn(store, "checkToken");
    const app = new Hono();
    app.use("*", authenticate({ store }), authenticate({ store }));
    app.get("/", (c) => c.json({ principal: c.get("principal") ?? null }));
    const [, body] = await whoami(app, "/", {
      Cookie: `${SESSION_COOKIE}=${s.id}`,
      Authorization: `Bearer ${token}`,
    });
    expect(body.principal).toMatchObject({ role: "display" });
    expect(check).toHaveBeenCalledTimes(1);
  });
});
