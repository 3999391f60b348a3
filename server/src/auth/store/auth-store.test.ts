import { mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AuthStore, type AuthStoreOptions } from "./auth-store.ts";
import { AuthStoreError } from "./auth-store-error.ts";

// Cheap scrypt for tests; the parameters recorded with each hash are what verification uses.
const FAST = { N: 1024, r: 8, p: 1, keylen: 32 };
const PW = "correct horse battery";

function clock(start = Date.UTC(2026, 2, 1)): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

async function memory(extra: Partial<AuthStoreOptions> = {}): Promise<AuthStore> {
  return AuthStore.open({ path: ":memory:", scrypt: FAST, ...extra });
}

async function refused(p: Promise<unknown>): Promise<AuthStoreError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AuthStoreError);
  return e as AuthStoreError;
}

describe("AuthStore users", () => {
  it("adds users, verifies passwords and hides hashes", async () => {
    const store = await memory();
    const u = await store.addUser({ name: "alice", role: "analyst", password: PW });
    expect(u).toEqual({ name: "alice", role: "analyst", createdAt: u.createdAt, updatedAt: u.updatedAt });
    expect(await store.verifyPassword("alice", PW)).toMatchObject({ name: "alice", role: "analyst" });
    expect(await store.verifyPassword("ALICE", PW)).toMatchObject({ name: "alice" });
    expect(await store.verifyPassword("alice", `${PW}!`)).toBeUndefined();
    expect(await store.verifyPassword("nobody", PW)).toBeUndefined();
    expect(JSON.stringify(store.listUsers())).not.toContain("hash");
  });

  it("refuses duplicate names, bad names and weak passwords, naming the field", async () => {
    const store = await memory();
    await store.addUser({ name: "alice", role: "viewer", password: PW });
    expect((await refused(store.addUser({ name: "Alice", role: "viewer", password: PW }))).code).toBe(
      "user_exists",
    );
    const bad = await refused(store.addUser({ name: "bad name", role: "viewer", password: PW }));
    expect([bad.code, bad.field]).toEqual(["invalid_name", "name"]);
    const weak = await refused(store.addUser({ name: "bob", role: "viewer", password: "short" }));
    expect([weak.code, weak.field]).toEqual(["invalid_password", "password"]);
    expect(weak.message).toContain("at least 10");
    const named = await refused(store.addUser({ name: "bob", role: "viewer", password: "xxbobxxxxxxx" }));
    expect(named.message).toContain("user name");
  });

  it("resets passwords (ending sessions) and never removes the last admin", async () => {
    const store = await memory();
    await store.addUser({ name: "root", role: "admin", password: PW });
    const s = await store.createSession("root");
    await store.resetPassword("root", "another good password");
    expect(await store.getSession(s.id)).toBeUndefined();
    expect(await store.verifyPassword("root", PW)).toBeUndefined();
    expect(await store.verifyPassword("root", "another good password")).toBeDefined();
    expect((await refused(store.removeUser("root"))).code).toBe("last_admin");
    await store.addUser({ name: "root2", role: "admin", password: PW });
    await store.removeUser("root");
    expect(store.listUsers().map((u) => u.name)).toEqual(["root2"]);
    expect((await refused(store.removeUser("root"))).code).toBe("unknown_user");
  });
});

describe("AuthStore tokens", () => {
  it("issues a secret once, stores only its hash, and refuses it once revoked", async () => {
    const store = await memory();
    const { token, info } = await store.issueToken({ kind: "display", label: "大屏一号" });
    expect(token).toMatch(/^cbd\.[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(store.listTokens())).not.toContain(token.split(".")[2]);
    const ok = await store.checkToken(token);
    expect(ok).toMatchObject({ ok: true, token: { id: info.id, kind: "display", label: "大屏一号" } });
    expect(ok.ok && ok.token.lastUsedAt).toBeTruthy();
    // Change the last character (to one it is not: a fixed "A" would flake 1 time in 64).
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await store.checkToken(tampered)).toEqual({ ok: false, reason: "unknown" });
    expect(await store.checkToken("hello")).toEqual({ ok: false, reason: "malformed" });
    expect(await store.checkToken(token.replace(/^cbd/, "cbi"))).toEqual({ ok: false, reason: "unknown" });
    expect((await store.revokeToken(info.id))?.revokedAt).toBeTruthy();
    expect(await store.checkToken(token)).toEqual({ ok: false, reason: "revoked" });
    expect(await store.revokeToken("0000000000000000")).toBeUndefined();
  });

  it("scopes ingest tokens to streams and validates them", async () => {
    const store = await memory();
    const { info } = await store.issueToken({
      kind: "ingest",
      label: "meters",
      streams: ["energy", "air", "air"],
    });
    expect(info.streams).toEqual(["air", "energy"]);
    expect((await refused(store.issueToken({ kind: "ingest", label: "x" }))).field).toBe("streams");
    expect((await refused(store.issueToken({ kind: "display", label: "x", streams: ["air"] }))).code).toBe(
      "invalid_stream",
    );
    expect(
      (await refused(store.issueToken({ kind: "ingest", label: "x", streams: ["Air!"] }))).message,
    ).toContain('"Air!"');
  });
});

describe("AuthStore sessions", () => {
  it("slides the idle expiry on use and stops at the absolute limit", async () => {
    const c = clock();
    const store = await memory({ now: c.now, sessionIdleMs: 1000, sessionMaxMs: 5000 });
    await store.addUser({ name: "alice", role: "viewer", password: PW });
    const s = await store.createSession("alice");
    for (let i = 0; i < 4; i++) {
      c.advance(900);
      expect((await store.getSession(s.id))?.user.name).toBe("alice");
    }
    c.advance(900); // 4.5 s of activity: idle window now capped by the 5 s absolute limit
    expect(await store.getSession(s.id)).toBeDefined();
    c.advance(600);
    expect(await store.getSession(s.id)).toBeUndefined();
    const t = await store.createSession("alice");
    c.advance(1001);
    expect(await store.getSession(t.id)).toBeUndefined();
  });

  it("ends sessions on logout and when the user is removed", async () => {
    const store = await memory();
    await store.addUser({ name: "alice", role: "viewer", password: PW });
    await store.addUser({ name: "bob", role: "viewer", password: PW });
    const a = await store.createSession("alice");
    const b = await store.createSession("bob");
    expect((await store.getSession(a.id))?.csrfToken).toBe(a.csrfToken);
    await store.deleteSession(a.id);
    expect(await store.getSession(a.id)).toBeUndefined();
    await store.removeUser("bob");
    expect(await store.getSession(b.id)).toBeUndefined();
  });
});

describe("AuthStore setup", () => {
  it("needs setup until an admin exists; the link is single use and expires", async () => {
    const c = clock();
    const store = await memory({ now: c.now });
    expect(store.needsSetup()).toBe(true);
    const expired = store.createSetupLink();
    c.advance(3_600_001);
    expect((await refused(store.setupAdmin(expired.code, "root", PW))).code).toBe("invalid_setup_code");
    const link = store.createSetupLink();
    expect(link.path).toBe(`/setup?code=${link.code}`);
    expect((await refused(store.setupAdmin("guess", "root", PW))).code).toBe("invalid_setup_code");
    expect((await store.setupAdmin(link.code, "root", PW)).role).toBe("admin");
    expect(store.needsSetup()).toBe(false);
    expect((await refused(store.setupAdmin(link.code, "root2", PW))).code).toBe("already_set_up");
  });

  it("keeps the code when the admin it would create is refused", async () => {
    const store = await memory();
    const link = store.createSetupLink();
    await refused(store.setupAdmin(link.code, "root", "short"));
    expect((await store.setupAdmin(link.code, "root", PW)).name).toBe("root");
  });
});

describe("AuthStore file", () => {
  it("persists atomically to a private file holding no secrets, and reloads", async () => {
    const dir = await mkdtemp(join(tmpdir(), "auth-"));
    const path = join(dir, "auth.json");
    const store = await AuthStore.open({ path, scrypt: FAST });
    await store.addUser({ name: "alice", role: "admin", password: PW });
    const { token } = await store.issueToken({ kind: "display", label: "wall" });
    const s = await store.createSession("alice");
    await store.close();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(["auth.json"]);
    const text = await readFile(path, "utf8");
    for (const secret of [PW, token, token.split(".")[2], s.id]) expect(text).not.toContain(secret);
    const again = await AuthStore.open({ path, scrypt: FAST });
    expect(await again.verifyPassword("alice", PW)).toBeDefined();
    expect((await again.checkToken(token)).ok).toBe(true);
    expect((await again.getSession(s.id))?.user.name).toBe("alice");
    expect(JSON.parse(text).users[0].password).toMatchObject({ algo: "scrypt", N: 1024, r: 8, p: 1 });
  });

  it("serialises concurrent writes so none is lost", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "auth-")), "auth.json");
    const store = await AuthStore.open({ path, scrypt: FAST });
    const issued = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.issueToken({ kind: "display", label: `wall ${i}` })),
    );
    const again = await AuthStore.open({ path, scrypt: FAST });
    expect(again.listTokens()).toHaveLength(20);
    for (const { token } of issued) expect((await again.checkToken(token)).ok).toBe(true);
  });

  it("refuses a malformed file, naming the field", async () => {
    const dir = await mkdtemp(join(tmpdir(), "auth-"));
    const path = join(dir, "auth.json");
    await writeFile(path, JSON.stringify({ version: 1, users: [{ name: "x" }], tokens: [], sessions: [] }));
    await expect(AuthStore.open({ path })).rejects.toThrow(/field "users\.0\.role"/);
    await writeFile(path, "{");
    await expect(AuthStore.open({ path })).rejects.toThrow(/not JSON/);
  });
});
