import { Hono } from "hono";
import { DuckDBNodeConnector, DuckDBStore } from "@citybrain/analytics";
import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "../../auth/authenticate/index.ts";
import { SESSION_COOKIE } from "../../auth/session-cookie.ts";
import { GOOD_PASSWORD, memoryStore } from "../../auth/test-fixtures.ts";
import { specRunner } from "../query/index.ts";
import { ReportFile } from "./report-file.ts";
import { reportRoutes } from "./report-routes.ts";
import type { Report } from "./report-schemas.ts";

const definition = {
  name: "各镇街能耗",
  description: "按镇街汇总 tce",
  spec: {
    from: "energy_daily_town",
    measures: [{ field: "tce", agg: "sum" }],
    dimensions: [{ field: "day", grain: "month" }],
  },
  presentation: { chart: "line", options: { smooth: true } },
};

const nested = (depth: number): Record<string, unknown> =>
  depth <= 1 ? { leaf: 1 } : { a: nested(depth - 1) };

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { "Content-Type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("reportRoutes", () => {
  let app: Hono;
  beforeEach(async () => {
    app = new Hono();
    const reports = await ReportFile.open({ path: ":memory:" });
    app.route("/", reportRoutes({ reports, sources: ["energy_daily_town", "rollup_energy_day"] }));
  });

  it("creates, lists, reads, replaces and deletes", async () => {
    const created = await app.request("/reports", { method: "POST", ...json(definition) });
    expect(created.status).toBe(201);
    const report = (await created.json()) as Report;
    expect(report).toMatchObject({ ...definition, owner: "anonymous", version: 1 });
    expect(created.headers.get("Location")).toBe(`/api/reports/${report.id}`);
    expect(await (await app.request("/reports")).json()).toEqual({ reports: [report] });

    const got = await app.request(`/reports/${report.id}`);
    expect(await got.json()).toEqual(report);
    expect(got.headers.get("ETag")).toBe('"v1"');
    const cached = await app.request(`/reports/${report.id}`, { headers: { "If-None-Match": '"v1"' } });
    expect(cached.status).toBe(304);

    const put = await app.request(`/reports/${report.id}`, {
      method: "PUT",
      ...json({ ...definition, name: "月度能耗", presentation: { chart: "table" } }, { "If-Match": '"v1"' }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      id: report.id,
      name: "月度能耗",
      presentation: { chart: "table", options: {} },
      createdAt: report.createdAt,
      version: 2,
    });
    const stale = await app.request(`/reports/${report.id}`, {
      method: "PUT",
      ...json(definition, { "If-Match": '"v1"' }),
    });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({
      error: { code: "version_mismatch", details: { current: '"v2"' } },
    });

    expect((await app.request(`/reports/${report.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await app.request(`/reports/${report.id}`)).status).toBe(404);
    expect((await app.request(`/reports/${report.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await app.request(`/reports/${report.id}`, { method: "PUT", ...json(definition) })).status).toBe(
      404,
    );
  });

  it.each([
    [{ ...definition, name: " " }, "name", /must not be empty/],
    [
      { ...definition, spec: { ...definition.spec, measures: [{ field: "tce", agg: "median" }] } },
      "spec.measures.0.agg",
      /./,
    ],
    [{ ...definition, spec: { from: "users; drop" } }, "spec.from", /identifier/],
    [{ ...definition, spec: { from: "alerts" } }, "spec.from", /no source "alerts"/],
    [{ ...definition, presentation: { chart: "radar" } }, "presentation.chart", /must be one of table/],
    [{ ...definition, owner: "user:mallory" }, "owner", /is not a field of a report/],
    [
      { ...definition, presentation: { chart: "bar", options: nested(9) } },
      "presentation.options",
      /deeper than 8/,
    ],
  ])("answers 400 naming the field for a bad definition (%#)", async (body, field, message) => {
    const res = await app.request("/reports", { method: "POST", ...json(body) });
    expect(res.status).toBe(400);
    const err = (
      (await res.json()) as { error: { code: string; message: string; details: { field: string } } }
    ).error;
    expect(err.code).toBe("invalid_body");
    expect(err.details.field).toBe(field);
    expect(err.message).toMatch(message);
  });

  it("answers 415 for non-JSON, 400 for broken JSON, 413 for a huge body", async () => {
    expect((await app.request("/reports", { method: "POST", body: "name=x" })).status).toBe(415);
    expect((await app.request("/reports", { method: "POST", ...json("{") })).status).toBe(400);
    const huge = { ...definition, description: "x".repeat(300_000) };
    expect((await app.request("/reports", { method: "POST", ...json(huge) })).status).toBe(413);
    const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
    expect((await app.request("/reports", { method: "POST", ...json(deep) })).status).toBe(400);
  });

  it("lets only the owner or an admin change a report", async () => {
    const auth = await memoryStore();
    const cookie: Record<string, string> = {};
    for (const [name, role] of [
      ["alice", "analyst"],
      ["bob", "analyst"],
      ["root", "admin"],
    ] as const) {
      await auth.addUser({ name, role, password: GOOD_PASSWORD });
      cookie[name] = `${SESSION_COOKIE}=${(await auth.createSession(name)).id}`;
    }
    const authed = new Hono();
    authed.use("*", authenticate({ store: auth }));
    authed.route("/", reportRoutes({ reports: await ReportFile.open({ path: ":memory:" }) }));
    const as = (name: string, method: string, path: string, body?: unknown) =>
      authed.request(path, {
        method,
        ...(body ? json(body, { Cookie: cookie[name] ?? "" }) : { headers: { Cookie: cookie[name] ?? "" } }),
      });
    const report = (await (await as("alice", "POST", "/reports", definition)).json()) as Report;
    expect(report.owner).toBe("user:alice");
    const bob = await as("bob", "PUT", `/reports/${report.id}`, definition);
    expect(bob.status).toBe(403);
    expect(await bob.json()).toMatchObject({
      error: {
        code: "not_owner",
        message: `report "各镇街能耗" belongs to user:alice; only its owner or an admin may change it`,
      },
    });
    expect((await as("bob", "DELETE", `/reports/${report.id}`)).status).toBe(403);
    expect((await as("alice", "PUT", `/reports/${report.id}`, definition)).status).toBe(200);
    expect((await as("root", "PUT", `/reports/${report.id}`, definition)).status).toBe(200);
    expect((await as("root", "DELETE", `/reports/${report.id}`)).status).toBe(204);
  });
});

describe("GET /reports/:id/data", () => {
  it("runs the saved spec: JSON with the report's version, or CSV named after the report", async () => {
    const store = await DuckDBStore.open({ path: ":memory:" });
    await store.exec(
      `CREATE TABLE energy_daily_town AS SELECT DATE '2026-03-01' + (i % 40)::INTEGER AS day, 'T' || (i % 3) AS town_code,
        i::DOUBLE AS tce FROM range(120) r(i)`,
    );
    const app = new Hono();
    const reports = await ReportFile.open({ path: ":memory:" });
    app.route(
      "/",
      reportRoutes({
        reports,
        sources: ["energy_daily_town"],
        run: specRunner({
          connector: new DuckDBNodeConnector(store.instance),
          sources: ["energy_daily_town"],
        }),
      }),
    );
    const report = (await (
      await app.request("/reports", { method: "POST", ...json(definition) })
    ).json()) as Report;

    const data = await app.request(`/reports/${report.id}/data`);
    expect(data.status).toBe(200);
    // March: days 1–31 hold i % 40 in 0..30 → i = d, d+40, d+80: Σ = 3·Σd + 31·120 = 1395 + 3720.
    expect(await data.json()).toMatchObject({
      report: { id: report.id, name: "各镇街能耗", version: 1 },
      columns: ["day", "sum_tce"],
      rows: [
        { day: "2026-03-01", sum_tce: 5115 },
        { day: "2026-04-01", sum_tce: 2025 },
      ],
      truncated: false,
    });

    const csv = await app.request(`/reports/${report.id}/data?format=csv`);
    expect(csv.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="_____-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''%E5%90%84%E9%95%87%E8%A1%97%E8%83%BD%E8%80%97-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect((await csv.text()).replace("\uFEFF", "")).toBe(
      "day,sum_tce\r\n2026-03-01,5115\r\n2026-04-01,2025\r\n",
    );

    expect((await app.request("/reports/nope/data")).status).toBe(404);
    expect((await app.request(`/reports/${report.id}/data?format=pdf`)).status).toBe(400);
    await store.close();
  });
});
