import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { READ_ROLES, roleIncludes, type Role } from "../roles.ts";
import { SESSION_COOKIE } from "../session-cookie.ts";
import { GOOD_PASSWORD, demoApp, memoryStore } from "../test-fixtures.ts";
import { requireRole } from "./require-role.ts";

async function code(res: Response): Promise<[number, string | undefined]> {
  const body = (await res.json()) as { error?: { code: string } };
  return [res.status, body.error?.code];
}

describe("roleIncludes", () => {
  it("orders admin ⊇ analyst ⊇ viewer ⊇ display and keeps ingest outside", () => {
    const held: Role[] = ["display", "viewer", "analyst", "admin", "ingest"];
    const table = held.map((h) => READ_ROLES.map((r) => (roleIncludes(h, r) ? 1 : 0)).join(""));
    expect(table).toEqual(["1000", "1100", "1110", "1111", "0000"]);
  });
});

describe("requireRole", () => {
  it("lets display tokens read and refuses their writes", async () => {
    const store = await memoryStore();
    const { token } = await store.issueToken({ kind: "display", label: "wall" });
    const app = demoApp(store);
    const auth = { Authorization: `Bearer ${token}` };
    expect((await app.request("/api/manifest", { headers: auth })).status).toBe(200);
    expect((await app.request("/api/reports", { headers: auth })).status).toBe(403);
    // Even on a route that names display, an unsafe method is refused: display tokens are read-only.
    expect(await code(await app.request("/api/wall/ping", { method: "POST", headers: auth }))).toEqual([
      403,
      "read_only_token",
    ]);
    expect(await code(await app.request("/api/manifest"))).toEqual([401, "unauthenticated"]);
  });

  it("refuses ingest tokens on read routes", async () => {
    const store = await memoryStore();
    const { token } = await store.issueToken({ kind: "ingest", label: "x", streams: ["energy"] });
    const res = await demoApp(store).request("/api/manifest", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await code(res)).toEqual([403, "forbidden"]);
  });

  it("is a wiring error (500) without authenticate, and refuses an empty role list", async () => {
    const app = new Hono();
    app.get("/", requireRole("viewer"), (c) => c.text("no"));
    app.onError((e, c) => c.text(e.message, 500));
    const res = await app.request("/");
    expect([res.status, await res.text()]).toEqual([
      500,
      "requireRole needs authenticate() to run before it",
    ]);
    expect(() => requireRole()).toThrow(/at least one role/);
  });
});

describe("requireIngest", () => {
  it("limits an ingest token to its streams", async () => {
    const store = await memoryStore();
    const { token } = await store.issueToken({ kind: "ingest", label: "meters", streams: ["energy", "air"] });
    const app = demoApp(store);
    const post = (path: string): Promise<Response> =>
      Promise.resolve(app.request(path, { method: "POST", headers: { Authorization: `Bearer ${token}` } }));
    expect((await post("/api/ingest/energy")).status).toBe(200);
    expect((await post("/api/ingest/air")).status).toBe(200);
    const other = await post("/api/ingest/traffic");
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({
      error: { code: "stream_not_allowed", details: { stream: "traffic", allowed: ["air", "energy"] } },
    });
    expect((await app.request("/api/ingest/energy", { method: "POST" })).status).toBe(401);
  });

  it("admits users only with the roles option", async () => {
    const store = await memoryStore();
    await store.addUser({ name: "root", role: "admin", password: GOOD_PASSWORD });
    const s = await store.createSession("root");
    const app = demoApp(store);
    const headers = { Cookie: `${SESSION_COOKIE}=${s.id}`, "X-CSRF-Token": s.csrfToken };
    expect((await app.request("/api/ingest/energy", { method: "POST", headers })).status).toBe(403);
    expect((await app.request("/api/upload/energy", { method: "POST", headers })).status).toBe(200);
  });
});
