import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { describe, expect, it } from "vitest";
import { authenticate } from "../authenticate/index.ts";
import { SESSION_COOKIE } from "../session-cookie.ts";
import { GOOD_PASSWORD, memoryStore } from "../test-fixtures.ts";
import { AuditLog } from "./audit-log.ts";
import { auditAlert } from "./audit-request.ts";

describe("AuditLog", () => {
  it("appends whole JSON lines to a private file, even when written concurrently", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "audit-")), "audit.jsonl");
    const log = await AuditLog.open({ path, now: () => Date.UTC(2026, 2, 1, 8) });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        log.record({
          actor: "user:alice",
          action: "token.issue",
          target: `t${i}`,
          ip: "10.0.0.1",
          requestId: null,
        }),
      ),
    );
    const lines = (await readFile(path, "utf8")).trim().split("\n");
    expect(lines).toHaveLength(50);
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      time: "2026-03-01T08:00:00.000Z",
      actor: "user:alice",
      action: "token.issue",
      target: "t0",
      ip: "10.0.0.1",
      requestId: null,
    });
    expect((await log.entries()).map((e) => e.target)).toEqual(lines.map((_, i) => `t${i}`));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("records alert ack/close with the request's principal, ip and request id", async () => {
    const store = await memoryStore();
    await store.addUser({ name: "duty", role: "analyst", password: GOOD_PASSWORD });
    const s = await store.createSession("duty");
    const audit = await AuditLog.open({ path: ":memory:" });
    const app = new Hono();
    app.use("*", requestId(), authenticate({ store }));
    app.post("/alerts/:id/close", async (c) => {
      const entry = await auditAlert(audit, c, {
        alertId: c.req.param("id"),
        action: "close",
        note: "误报",
        ip: () => "10.1.2.3",
      });
      return c.json(entry);
    });
    const res = await app.request("/alerts/A-17/close", {
      method: "POST",
      headers: { Cookie: `${SESSION_COOKIE}=${s.id}`, "X-Request-Id": "req-1" },
    });
    expect(await res.json()).toMatchObject({
      actor: "user:duty",
      action: "alert.close",
      target: "A-17",
      ip: "10.1.2.3",
      requestId: "req-1",
      details: { note: "误报" },
    });
    expect(await audit.entries()).toHaveLength(1);
  });
});
