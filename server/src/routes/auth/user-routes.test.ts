import { describe, expect, it } from "vitest";
import { GOOD_PASSWORD, authApp, loginAs, postJson } from "./test-fixtures.ts";

async function withAdmin(): Promise<Awaited<ReturnType<typeof authApp>> & { admin: Record<string, string> }> {
  const ctx = await authApp();
  await ctx.store.addUser({ name: "root", role: "admin", password: GOOD_PASSWORD });
  return { ...ctx, admin: (await loginAs(ctx.app, "root", GOOD_PASSWORD)).headers };
}

describe("user routes", () => {
  it("lets an admin add, list, reset and remove users, each audited", async () => {
    const { app, admin, audit } = await withAdmin();
    const add = await postJson(
      app,
      "/api/auth/users",
      { name: "li.wei", role: "analyst", password: GOOD_PASSWORD },
      admin,
    );
    expect(add.status).toBe(201);
    expect(await add.json()).toMatchObject({ user: { name: "li.wei", role: "analyst" } });
    const list = (await (await app.request("/api/auth/users", { headers: admin })).json()) as {
      users: Record<string, unknown>[];
    };
    expect(list.users.map((u) => u.name)).toEqual(["root", "li.wei"]);
    expect(JSON.stringify(list)).not.toMatch(/salt|hash/);

    const liwei = await loginAs(app, "li.wei", GOOD_PASSWORD);
    const reset = await postJson(
      app,
      "/api/auth/users/li.wei/password",
      { password: "a new long secret" },
      admin,
    );
    expect(reset.status).toBe(200);
    // A reset ends the user's sessions.
    expect((await app.request("/api/auth/me", { headers: liwei.headers })).status).toBe(401);
    await loginAs(app, "li.wei", "a new long secret");

    const del = await app.request("/api/auth/users/li.wei", { method: "DELETE", headers: admin });
    expect(del.status).toBe(200);
    expect((await app.request("/api/auth/users/li.wei", { method: "DELETE", headers: admin })).status).toBe(
      404,
    );
    const actions = (await audit.entries()).filter(
      (e) => e.actor === "user:root" && e.action.startsWith("user."),
    );
    expect(actions.map((e) => [e.action, e.target])).toEqual([
      ["user.add", "li.wei"],
      ["user.password", "li.wei"],
      ["user.remove", "li.wei"],
    ]);
  });

  it("answers conflicts and bad input with the field named", async () => {
    const { app, admin } = await withAdmin();
    const dup = await postJson(
      app,
      "/api/auth/users",
      { name: "ROOT", role: "viewer", password: GOOD_PASSWORD },
      admin,
    );
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ error: { code: "user_exists", details: { field: "name" } } });
    const role = await postJson(
      app,
      "/api/auth/users",
      { name: "x", role: "god", password: GOOD_PASSWORD },
      admin,
    );
    expect(await role.json()).toMatchObject({
      error: { message: 'field "role": must be one of viewer, analyst, admin', details: { field: "role" } },
    });
    const name = await postJson(
      app,
      "/api/auth/users",
      { name: "张三", role: "viewer", password: GOOD_PASSWORD },
      admin,
    );
    expect(await name.json()).toMatchObject({ error: { details: { field: "name" } } });
    const inName = await postJson(
      app,
      "/api/auth/users",
      { name: "zhang", role: "viewer", password: "zhang123456" },
      admin,
    );
    expect(await inName.json()).toMatchObject({
      error: { code: "invalid_password", details: { field: "password" } },
    });
    const last = await app.request("/api/auth/users/root", { method: "DELETE", headers: admin });
    expect(last.status).toBe(409);
    expect(await last.json()).toMatchObject({ error: { code: "last_admin" } });
  });

  it("refuses non-admins", async () => {
    const { app, store } = await withAdmin();
    await store.addUser({ name: "ana", role: "analyst", password: GOOD_PASSWORD });
    const ana = await loginAs(app, "ana", GOOD_PASSWORD);
    expect((await app.request("/api/auth/users", { headers: ana.headers })).status).toBe(403);
    const add = await postJson(
      app,
      "/api/auth/users",
      { name: "x2", role: "admin", password: GOOD_PASSWORD },
      ana.headers,
    );
    expect(add.status).toBe(403);
    expect((await app.request("/api/auth/users")).status).toBe(401);
  });
});
