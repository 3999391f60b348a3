import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../session-cookie.ts";
import { GOOD_PASSWORD, demoApp, memoryStore } from "../test-fixtures.ts";

describe("csrfProtection", () => {
  it("requires the session's token on cookie-authenticated unsafe requests", async () => {
    const store = await memoryStore();
    await store.addUser({ name: "alice", role: "analyst", password: GOOD_PASSWORD });
    const s = await store.createSession("alice");
    const app = demoApp(store);
    const cookie = { Cookie: `${SESSION_COOKIE}=${s.id}` };
    const missing = await app.request("/api/reports", { method: "POST", headers: cookie });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({
      error: { code: "csrf_failed", details: { header: "X-CSRF-Token" } },
    });
    const wrong = await app.request("/api/reports", {
      method: "POST",
      headers: { ...cookie, "X-CSRF-Token": `${s.csrfToken}x` },
    });
    expect(wrong.status).toBe(403);
    const right = await app.request("/api/reports", {
      method: "POST",
      headers: { ...cookie, "X-CSRF-Token": s.csrfToken },
    });
    expect(right.status).toBe(200);
    expect((await app.request("/api/reports", { headers: cookie })).status).toBe(200);
  });

  it("does not apply to bearer-token or anonymous requests", async () => {
    const store = await memoryStore();
    const { token } = await store.issueToken({ kind: "ingest", label: "m", streams: ["energy"] });
    const app = demoApp(store);
    const bearer = await app.request("/api/ingest/energy", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(bearer.status).toBe(200);
    // Anonymous passes CSRF and is then refused for what it is: unauthenticated.
    expect((await app.request("/api/reports", { method: "POST" })).status).toBe(401);
  });
});
