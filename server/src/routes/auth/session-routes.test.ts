import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../auth/session-cookie.ts";
import { GOOD_PASSWORD, authApp, loginAs, postJson, sessionCookieOf } from "./test-fixtures.ts";

describe("login, me, logout", () => {
  it("logs in with a strict HttpOnly cookie and a CSRF token, answers me, and logs out", async () => {
    const { app, store, audit } = await authApp();
    await store.addUser({ name: "alice", role: "analyst", password: GOOD_PASSWORD });
    const res = await postJson(app, "/api/auth/login", { name: "alice", password: GOOD_PASSWORD });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { name: string; role: string }; csrfToken: string };
    expect(body.user).toMatchObject({ name: "alice", role: "analyst" });
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/); // plain http here
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const cookie = `${SESSION_COOKIE}=${sessionCookieOf(res)}`;

    const me = await app.request("/api/auth/me", { headers: { Cookie: cookie } });
    expect(await me.json()).toEqual({
      principal: { kind: "user", name: "alice", role: "analyst", via: "session", csrfToken: body.csrfToken },
    });

    // Logout is a cookie POST, so it needs the CSRF token too.
    expect(
      (await app.request("/api/auth/logout", { method: "POST", headers: { Cookie: cookie } })).status,
    ).toBe(403);
    const out = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { Cookie: cookie, "X-CSRF-Token": body.csrfToken },
    });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(/Max-Age=0/);
    expect((await app.request("/api/auth/me", { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await audit.entries()).map((e) => [e.action, e.actor, e.target])).toEqual([
      ["login.success", "user:alice", "alice"],
      ["logout", "user:alice", "alice"],
    ]);
  });

  it("replaces a stale cookie at login: the new session's cookie is set last", async () => {
    const { app, store } = await authApp();
    await store.addUser({ name: "alice", role: "viewer", password: GOOD_PASSWORD });
    const res = await postJson(
      app,
      "/api/auth/login",
      { name: "alice", password: GOOD_PASSWORD },
      { Cookie: `${SESSION_COOKIE}=expired-or-forged` },
    );
    const cookies = res.headers.getSetCookie().filter((l) => l.startsWith(`${SESSION_COOKIE}=`));
    expect(cookies[0]).toMatch(/Max-Age=0/);
    const last = cookies.at(-1) ?? "";
    expect(last).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    const cookie = last.split(";")[0] ?? "";
    expect((await app.request("/api/auth/me", { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it("sets Secure on the cookie when the request came over https", async () => {
    const { app, store } = await authApp();
    await store.addUser({ name: "alice", role: "viewer", password: GOOD_PASSWORD });
    const direct = await app.request("https://brain.example/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "alice", password: GOOD_PASSWORD }),
    });
    expect(direct.headers.getSetCookie().join()).toMatch(/Secure/);
    const proxied = await postJson(
      app,
      "/api/auth/login",
      { name: "alice", password: GOOD_PASSWORD },
      { "X-Forwarded-Proto": "https" },
    );
    expect(proxied.headers.getSetCookie().join()).toMatch(/Secure/);
  });

  it("answers a wrong password with 401 and audits the failure with ip and request id", async () => {
    const { app, store, audit } = await authApp();
    await store.addUser({ name: "alice", role: "viewer", password: GOOD_PASSWORD });
    const res = await postJson(
      app,
      "/api/auth/login",
      { name: "alice", password: "wrong password!" },
      { "X-Test-IP": "10.9.8.7", "X-Request-Id": "r-42" },
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: "invalid_credentials", message: "name or password is wrong" },
    });
    expect(sessionCookieOf(res)).toBeUndefined();
    const unknown = await postJson(app, "/api/auth/login", { name: "mallory", password: "whatever12" });
    expect(unknown.status).toBe(401);
    const entries = await audit.entries();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actor: "anonymous",
      action: "login.failure",
      target: "alice",
      ip: "10.9.8.7",
      requestId: "r-42",
      details: { reason: "bad_credentials" },
    });
    expect(JSON.stringify(entries)).not.toContain("wrong password");
  });

  it("validates the body, naming the field, and insists on JSON", async () => {
    const { app } = await authApp();
    const res = await postJson(app, "/api/auth/login", { name: "alice" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: {
        code: "invalid_body",
        message: 'field "password": expected a string',
        details: { field: "password" },
      },
    });
    const extra = await postJson(app, "/api/auth/login", { name: "a", password: "b", admin: true });
    expect(await extra.json()).toMatchObject({ error: { details: { field: "admin" } } });
    const form = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "name=alice&password=x",
    });
    expect(form.status).toBe(415);
    const broken = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{",
    });
    expect(await broken.json()).toMatchObject({ error: { code: "invalid_json" } });
  });

  it("rate-limits login attempts per address with 429 and Retry-After", async () => {
    let t = Date.UTC(2026, 2, 1);
    const { app, store } = await authApp({ loginLimit: { windowMs: 60_000, max: 3 }, now: () => t });
    await store.addUser({ name: "alice", role: "viewer", password: GOOD_PASSWORD });
    const attempt = (ip: string): Promise<Response> =>
      postJson(app, "/api/auth/login", { name: "alice", password: "not it at all" }, { "X-Test-IP": ip });
    for (let i = 0; i < 3; i++) expect((await attempt("10.0.0.1")).status).toBe(401);
    const limited = await attempt("10.0.0.1");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("60");
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    // Even the right password waits out the window.
    const right = await postJson(
      app,
      "/api/auth/login",
      { name: "alice", password: GOOD_PASSWORD },
      {
        "X-Test-IP": "10.0.0.1",
      },
    );
    expect(right.status).toBe(429);
    t += 60_000;
    expect((await attempt("10.0.0.1")).status).toBe(401);
  });

  it("locks an account name after repeated failures from any address", async () => {
    const { app, store, audit } = await authApp({ failedLoginLimit: { windowMs: 900_000, max: 2 } });
    await store.addUser({ name: "alice", role: "viewer", password: GOOD_PASSWORD });
    for (const ip of ["1.1.1.1", "2.2.2.2"]) {
      const res = await postJson(
        app,
        "/api/auth/login",
        { name: "ALICE", password: "nope nope nope" },
        {
          "X-Test-IP": ip,
        },
      );
      expect(res.status).toBe(401);
    }
    const locked = await postJson(
      app,
      "/api/auth/login",
      { name: "alice", password: GOOD_PASSWORD },
      {
        "X-Test-IP": "3.3.3.3",
      },
    );
    expect(locked.status).toBe(429);
    expect((await audit.entries()).at(-1)).toMatchObject({
      action: "login.failure",
      details: { reason: "rate_limited" },
    });
    // Another account is unaffected.
    await store.addUser({ name: "bob", role: "viewer", password: GOOD_PASSWORD });
    await loginAs(app, "bob", GOOD_PASSWORD);
  });

  it("tells a token holder what it is, and an anonymous caller 401", async () => {
    const { app, store } = await authApp();
    const { token } = await store.issueToken({ kind: "ingest", label: "meters", streams: ["energy"] });
    const me = await app.request("/api/auth/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({
      principal: { kind: "token", role: "ingest", streams: ["energy"] },
    });
    expect((await app.request("/api/auth/me")).status).toBe(401);
  });
});
