import { describe, expect, it } from "vitest";
import { AuditLog, AuthStore } from "../auth/index.ts";
import { createApp } from "../app.ts";

describe("GET /setup", () => {
  it("serves the first-admin page whose form creates the admin with the printed code", async () => {
    const store = await AuthStore.open({ path: ":memory:" });
    const app = createApp({
      extractsRoot: "/nonexistent",
      reference: () => ({ outline: {}, towns: {} }),
      auth: { store, audit: await AuditLog.open({ path: ":memory:" }) },
    });
    const link = store.createSetupLink();
    const page = await app.request(link.path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("创建第一个管理员");
    expect(html).toContain('fetch("/api/auth/setup"');
    const res = await app.request("/api/auth/setup", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: link.code, name: "chief", password: "a-long-secret-1" }),
    });
    expect(res.status).toBe(201);
    expect(store.needsSetup()).toBe(false);
  });
});
