import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore } from "@citybrain/analytics";
import { AuditLog } from "../../auth/audit/index.ts";
import { authenticate } from "../../auth/authenticate/index.ts";
import { SESSION_COOKIE } from "../../auth/session-cookie.ts";
import { GOOD_PASSWORD, memoryStore } from "../../auth/test-fixtures.ts";
import { EventHub } from "../../events/event-hub.ts";
import { alertRoutes } from "./alert-routes.ts";
import type { AlertJson } from "./alert-schemas.ts";

const T0 = Date.UTC(2026, 2, 1, 0, 0);
const NOW = Date.UTC(2026, 2, 2, 8, 0);

function alert(i: number, extra: Record<string, unknown> = {}) {
  return {
    alert_id: `septic.ch4:SEP-${String(i).padStart(3, "0")}:x`,
    ts: new Date(T0 + i * 3_600_000).toISOString(),
    source: i % 2 ? "septic" : "air",
    rule: i % 2 ? "septic.ch4.high" : "air.aqi.high",
    severity: (["critical", "major", "minor", "info"] as const)[i % 4],
    site_id: `SITE-${i}`,
    town_code: i % 3 ? "500152001" : "500152002",
    lon: 105.8,
    lat: 30.2,
    message: `告警 ${i}`,
    evidence: null,
    status: "open",
    updated_at: new Date(T0 + i * 3_600_000).toISOString(),
    actor: null,
    ...extra,
  };
}

describe("alertRoutes", () => {
  let store: DuckDBStore;
  let audit: AuditLog;
  let hub: EventHub;
  let app: Hono;
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
    const rows = Array.from({ length: 12 }, (_, i) => alert(i));
    rows.push(alert(20, { status: "closed", actor: "user:old", alert_id: "done" }));

    await store.ingest("alerts", rows, { batchId: "seed" });
    audit = await AuditLog.open({ path: ":memory:" });
    hub = new EventHub();
    app = new Hono();
    app.use("*", requestId());
    app.route("/", alertRoutes({ store, audit, hub, now: () => NOW }));
  });
  afterAll(() => store.close());

  const list = async (query: string) => {
    const res = await app.request(`/alerts${query}`);
    return { status: res.status, body: (await res.json()) as { alerts: AlertJson[]; total: number } };
  };

  it("lists newest first, with every filter and paging", async () => {
    const all = await list("");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(13);
    expect(all.body.alerts[0]?.alert_id).toBe("done");
    const ts = all.body.alerts.map((a) => a.ts);
    expect([...ts].sort().reverse()).toEqual(ts);
    expect(all.body.alerts[1]).toMatchObject({ ts: "2026-03-01T11:00:00.000Z", status: "open", lon: 105.8 });

    expect((await list("?status=closed")).body.total).toBe(1);
    expect((await list("?status=open&status=ack")).body.total).toBe(12);
    expect((await list("?severity=critical,major")).body.total).toBe(7);
    expect((await list("?source=air&town_code=500152002")).body.alerts.map((a) => a.site_id)).toEqual([
      "SITE-6",
      "SITE-0",
    ]);
    const window = await list("?since=2026-03-01T02:00:00Z&until=2026-03-01T05:00:00Z");
    expect(window.body.alerts.map((a) => a.site_id)).toEqual(["SITE-4", "SITE-3", "SITE-2"]);
    // Without an offset a time is Asia/Shanghai local: 10:00+08 is 02:00Z.
    expect((await list("?since=2026-03-01T10:00&until=2026-03-01T11:00")).body.total).toBe(1);
    const page = await list("?limit=5&offset=10");
    expect(page.body).toMatchObject({ total: 13, limit: 5, offset: 10 });
    expect(page.body.alerts).toHaveLength(3);
    expect((await list("?token=cbd.abc")).status).toBe(200);
  });

  it.each([
    ["?status=bogus", "status", /expected one or more of open, ack, closed.*"bogus"/],
    ["?severity=critical,,major", "severity", /got ""/],
    ["?limit=0", "limit", /integer 1–1000/],
    ["?limit=abc", "limit", /integer 1–1000, got "abc"/],
    ["?offset=-1", "offset", /integer 0–/],
    ["?since=yesterday", "since", /ISO-8601 time, got "yesterday"/],
    ["?since=2026-03-02&until=2026-03-01", "since", /since must be before until/],
    ["?town_code=';drop", "town_code", /town codes/],
    ["?stauts=open", "stauts", /unknown query parameter "stauts"/],
    ["?rule=vision.plate_read,drop table", "rule", /rule ids like vision.plate_read, got "drop table"/],
    [`?q=${"x".repeat(101)}`, "q", /at most 100 characters/],
  ])("answers 400 naming the parameter for %s", async (query, param, message) => {
    const res = await app.request(`/alerts${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).toBe("bad_parameter");
    expect(body.error.details).toEqual({ param });
    expect(body.error.message).toMatch(message);
  });

  it("answers one alert, or 404", async () => {
    const res = await app.request(`/alerts/${encodeURIComponent("septic.ch4:SEP-003:x")}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ site_id: "SITE-3", severity: "info", status: "open" });
    const missing = await app.request("/alerts/nope");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      error: { code: "unknown_alert", details: { param: "id" } },
    });
    expect((await app.request(`/alerts/${"x".repeat(201)}`)).status).toBe(400);
  });

  it("acks then closes: writes the new row, audits, publishes; refuses what is illegal with 409", async () => {
    const id = encodeURIComponent("septic.ch4:SEP-001:x");
    const sub = hub.subscribe();
    const ack = await app.request(`/alerts/${id}/ack`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Request-Id": "r-1" },
      body: JSON.stringify({ note: "已派人查看" }),
    });
    expect(ack.status).toBe(200);
    const acked = (await ack.json()) as AlertJson;
    expect(acked).toMatchObject({
      status: "ack",
      actor: "anonymous",
      updated_at: new Date(NOW).toISOString(),
    });
    expect((await sub.next())[0]).toMatchObject({
      type: "alert",
      data: { ...acked, change: "acknowledged" },
    });

    const again = await app.request(`/alerts/${id}/ack`, { method: "POST" });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: {
        code: "illegal_transition",
        message: "alert septic.ch4:SEP-001:x cannot be acknowledged: it is already acknowledged by anonymous",
        details: { status: "ack", action: "ack" },
      },
    });

    const close = await app.request(`/alerts/${id}/close`, { method: "POST" });
    expect(close.status).toBe(200);
    expect((await (await app.request(`/alerts/${id}`)).json()) as AlertJson).toMatchObject({
      status: "closed",
    });
    const reopen = await app.request(`/alerts/${id}/close`, { method: "POST" });
    expect(reopen.status).toBe(409);
    expect(((await reopen.json()) as { error: { message: string } }).error.message).toMatch(
      /it was closed by/,
    );

    // A replacement row, not a second one; each change is its own ingest batch.
    expect(await store.count("alerts")).toBe(13);
    const batches = await store.query(
      "SELECT batch_id FROM ingest_batches WHERE batch_id LIKE 'alert:septic.ch4:SEP-001:x:%' ORDER BY 1",
    );
    expect(batches.map((b) => b.batch_id)).toEqual([
      `alert:septic.ch4:SEP-001:x:ack:${NOW}`,
      `alert:septic.ch4:SEP-001:x:close:${NOW}`,
    ]);
    const entries = await audit.entries();
    expect(entries.map((e) => [e.action, e.target, e.details])).toEqual([
      ["alert.ack", "septic.ch4:SEP-001:x", { note: "已派人查看" }],
      ["alert.close", "septic.ch4:SEP-001:x", undefined],
    ]);
    expect(entries[0]?.requestId).toBe("r-1");
    sub.close();
  });

  it("lets only one of two concurrent acks through", async () => {
    const id = encodeURIComponent("septic.ch4:SEP-005:x");
    const [a, b] = await Promise.all([
      app.request(`/alerts/${id}/ack`, { method: "POST" }),
      app.request(`/alerts/${id}/ack`, { method: "POST" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it.each([
    [{ "Content-Type": "text/plain" }, "hi", 415, "unsupported_media_type"],
    [{ "Content-Type": "application/json" }, "{", 400, "invalid_json"],
    [{ "Content-Type": "application/json" }, JSON.stringify({ note: "x".repeat(1001) }), 400, "invalid_body"],
    [{ "Content-Type": "application/json" }, JSON.stringify({ why: "x" }), 400, "invalid_body"],
    [
      { "Content-Type": "application/json" },
      JSON.stringify({ note: "x".repeat(20_000) }),
      413,
      "payload_too_large",
    ],
  ])("refuses a bad body (%o) before changing anything", async (headers, body, status, code) => {
    const id = encodeURIComponent("septic.ch4:SEP-007:x");
    const res = await app.request(`/alerts/${id}/close`, { method: "POST", headers, body });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
    expect(await (await app.request(`/alerts/${id}`)).json()).toMatchObject({ status: "open" });
  });

  it("answers 404 for a change to an unknown alert", async () => {
    const res = await app.request("/alerts/nope/ack", { method: "POST" });
    expect(res.status).toBe(404);
  });

  it("records the logged-in person as the actor", async () => {
    const auth = await memoryStore();
    await auth.addUser({ name: "duty", role: "analyst", password: GOOD_PASSWORD });
    const session = await auth.createSession("duty");
    const authed = new Hono();
    authed.use("*", authenticate({ store: auth }));
    authed.route("/", alertRoutes({ store, audit, now: () => NOW }));
    const res = await authed.request(`/alerts/${encodeURIComponent("septic.ch4:SEP-009:x")}/ack`, {
      method: "POST",
      headers: { Cookie: `${SESSION_COOKIE}=${session.id}` },
    });
    expect(await res.json()).toMatchObject({ status: "ack", actor: "user:duty" });
    expect((await audit.entries()).at(-1)).toMatchObject({ actor: "user:duty", action: "alert.ack" });
  });
});

describe("GET /alerts search", () => {
  let store: DuckDBStore;
  let app: Hono;
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
    const rows = Array.from({ length: 12 }, (_, i) => alert(i));
    rows.push(
      alert(21, {
        alert_id: "VIS-GATE-1-PLATE-kerb-20260301T230000Z-T2",
        source: "vision",
        rule: "vision.plate_read",
        site_id: "GATE-1",
        message: "城北卡口（GATE-1）路边停车带：识别车牌 渝A·D1234（小汽车，目标 #2，置信度 97%）",
      }),
    );
    await store.ingest("alerts", rows, { batchId: "seed" });
    app = new Hono().route("/", alertRoutes({ store, now: () => NOW }));
  });
  afterAll(() => store.close());

  const list = async (query: string) => {
    const res = await app.request(`/alerts${query}`);
    return { status: res.status, body: (await res.json()) as { alerts: AlertJson[]; total: number } };
  };

  it("finds a plate however it is typed, and filters by rule and site", async () => {
    const plate = "VIS-GATE-1-PLATE-kerb-20260301T230000Z-T2";
    for (const q of ["渝A·D1234", "渝AD1234", "渝a d1234", "d1234"]) {
      expect(
        (await list(`?q=${encodeURIComponent(q)}`)).body.alerts.map((a) => a.alert_id),
        q,
      ).toEqual([plate]);
    }
    expect((await list(`?q=${encodeURIComponent("渝B5K678")}`)).body.total).toBe(0);
    expect((await list("?rule=vision.plate_read")).body.alerts.map((a) => a.alert_id)).toEqual([plate]);
    expect((await list("?site_id=gate-1")).body.total).toBe(0); // ids are exact
    expect((await list("?site_id=GATE-1,SITE-3")).body.total).toBe(2);
    expect((await list("?q=SITE-1")).body.alerts.map((a) => a.site_id).sort()).toEqual([
      "SITE-1",
      "SITE-10",
      "SITE-11",
    ]);
    // The search text is a bound parameter: SQL in it is text to find.
    expect((await list(`?q=${encodeURIComponent("' OR 1=1 --")}`)).body.total).toBe(0);
  });
});
