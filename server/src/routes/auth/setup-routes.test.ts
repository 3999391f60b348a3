import { describe, expect, it } from "vitest";
import { GOOD_PASSWORD, authApp, postJson, sessionCookieOf } from "./test-fixtures.ts";

describe("first-start setup", () => {
  it("creates the first admin once with the link's code, and logs them in", async () => {
    const { app, store, audit } = await authApp();
    expect(await (await app.request("/api/auth/setup")).json()).toEqual({ needsSetup: true });
    const link = store.createSetupLink();
    const code = new URL(link.path, "http://x").searchParams.get("code");
    expect(code).toBe(link.code);

    const wrong = await postJson(app, "/api/auth/setup", {
      code: "guess",
      name: "root",
      password: GOOD_PASSWORD,
    });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({
      error: { code: "invalid_setup_code", details: { field: "code" } },
    });

    const weak = await postJson(app, "/api/auth/setup", { code, name: "root", password: "short" });
    expect(await weak.json()).toMatchObject({
      error: { code: "invalid_body", details: { field: "password" } },
    });

    const ok = await postJson(app, "/api/auth/setup", { code, name: "root", password: GOOD_PASSWORD });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ user: { name: "root", role: "admin" } });
    expect(sessionCookieOf(ok)).toBeDefined();
    expect(store.needsSetup()).toBe(false);

    const again = await postJson(app, "/api/auth/setup", { code, name: "evil", password: GOOD_PASSWORD });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "already_set_up" } });
    expect(store.listUsers().map((u) => u.name)).toEqual(["root"]);
    expect((await audit.entries()).map((e) => [e.action, e.target])).toEqual([
      ["setup.failure", "root"],
      ["setup.admin", "root"],
      ["setup.failure", "evil"],
    ]);
  });

  it("refuses a spent code even if the admin is later removed", async () => {
    const { app, store } = await authApp();
    const { code } = store.createSetupLink();
    await postJson(app, "/api/auth/setup", { code, name: "root", password: GOOD_PASSWORD });
    await store.removeUser("root", { allowLastAdmin: true });
    expect(store.needsSetup()).toBe(true);
    const reuse = await postJson(app, "/api/auth/setup", { code, name: "root2", password: GOOD_PASSWORD });
    expect(await reuse.json()).toMatchObject({ error: { code: "invalid_setup_code" } });
  });
});
