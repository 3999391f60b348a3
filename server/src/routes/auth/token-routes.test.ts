import { describe, expect, it } from "vitest";
import { GOOD_PASSWORD, authApp, loginAs, postJson } from "./test-fixtures.ts";

interface Issued {
  token: string;
  info: { id: string; kind: string; streams: string[]; createdBy: string };
}

describe("token routes", () => {
  it("issues a secret once, lists without it, and revocation locks the holder out", async () => {
    const { app, store, audit } = await authApp();
    await store.addUser({ name: "root", role: "admin", password: GOOD_PASSWORD });
    const { headers } = await loginAs(app, "root", GOOD_PASSWORD);
    const res = await postJson(
      app,
      "/api/auth/tokens",
      { kind: "display", label: "指挥中心大屏 1" },
      headers,
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const issued = (await res.json()) as Issued;
    expect(issued.info).toMatchObject({ kind: "display", streams: [], createdBy: "user:root" });

    const listed = await (await app.request("/api/auth/tokens", { headers })).text();
    expect(listed).toContain(issued.info.id);
    expect(listed).not.toContain(issued.token.split(".")[2]);

    const wall = { Authorization: `Bearer ${issued.token}` };
    expect((await app.request("/api/auth/me", { headers: wall })).status).toBe(200);
    const del = await app.request(`/api/auth/tokens/${issued.info.id}`, { method: "DELETE", headers });
    expect(((await del.json()) as { token: { revokedAt: string | null } }).token.revokedAt).toBeTruthy();
    const refused = await app.request(`/api/auth/me?token=${issued.token}`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "token_revoked" } });
    expect(
      (await app.request("/api/auth/tokens/ffffffffffffffff", { method: "DELETE", headers })).status,
    ).toBe(404);
    expect((await audit.entries()).filter((e) => e.action.startsWith("token.")).map((e) => e.action)).toEqual(
      ["token.issue", "token.revoke"],
    );
  });

  it("scopes ingest tokens to known streams, naming the bad one", async () => {
    const { app, store } = await authApp({ streams: ["energy", "traffic", "air"] });
    await store.addUser({ name: "root", role: "admin", password: GOOD_PASSWORD });
    const { headers } = await loginAs(app, "root", GOOD_PASSWORD);
    const ok = await postJson(
      app,
      "/api/auth/tokens",
      { kind: "ingest", label: "meters", streams: ["energy"] },
      headers,
    );
    expect(((await ok.json()) as Issued).token).toMatch(/^cbi\./);
    const none = await postJson(
      app,
      "/api/auth/tokens",
      { kind: "ingest", label: "meters", streams: [] },
      headers,
    );
    expect(await none.json()).toMatchObject({ error: { details: { field: "streams" } } });
    const unknown = await postJson(
      app,
      "/api/auth/tokens",
      { kind: "ingest", label: "m", streams: ["energy", "weather"] },
      headers,
    );
    expect(await unknown.json()).toMatchObject({
      error: { message: 'field "streams[1]": no stream named "weather"', details: { field: "streams[1]" } },
    });
    const kind = await postJson(app, "/api/auth/tokens", { kind: "root", label: "x" }, headers);
    expect(await kind.json()).toMatchObject({ error: { code: "invalid_body", details: { field: "kind" } } });
    const streamsOnDisplay = await postJson(
      app,
      "/api/auth/tokens",
      { kind: "display", label: "x", streams: ["energy"] },
      headers,
    );
    expect(await streamsOnDisplay.json()).toMatchObject({ error: { details: { field: "streams" } } });
  });
});
