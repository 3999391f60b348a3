import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_EXTRACTS, DuckDBNodeConnector, DuckDBStore, publishExtracts } from "@citybrain/analytics";
import { querySpecSchema } from "@citybrain/analytics/browser";
import { specRunner } from "../routes/query/index.ts";
import { createApp } from "../app.ts";
import { AuditLog, AuthStore } from "../auth/index.ts";
import { EventHub } from "../events/event-hub.ts";
import { alertListQuery, alertRoutes } from "../routes/alerts/index.ts";
import { AppMetrics, metricsRoutes } from "../routes/metrics/index.ts";
import { ReportFile, reportRoutes } from "../routes/reports/index.ts";
import { cameraRoutes } from "../routes/cameras/index.ts";
import { apiDocument } from "./api-document.ts";
import { openApiPath } from "./build-openapi.ts";
import type { JsonSchema } from "./openapi-types.ts";
import { healthSchema, manifestSchema } from "./common-schemas.ts";
import { openapiRoutes } from "./openapi-routes.ts";
import { operations } from "./schema-label.ts";

const doc = apiDocument();

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("is a well-formed OpenAPI 3.1 document", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "/api" }]);
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
    const tags = new Set(doc.tags.map((t) => t.name));
    for (const { method, path, op } of ops) {
      const where = `${method} ${path}`;
      expect(["get", "post", "put", "delete"], where).toContain(method);
      expect(path, where).toMatch(/^\/[\w./{}-]*$/);
      expect(op.summary, where).not.toBe("");
      expect(tags.has(op.tags[0] ?? ""), where).toBe(true);
      expect(
        Object.keys(op.responses).some((s) => /^[23]\d\d$/.test(s)),
        where,
      ).toBe(true);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pathParams = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(pathParams.sort(), where).toEqual(inPath.sort());
      for (const s of op.security)
        for (const name of Object.keys(s)) expect(doc.components.securitySchemes).toHaveProperty(name);
      if (op["x-required-role"] !== "public") expect(op.responses, where).toHaveProperty("401");
    }
    for (const ref of refsIn(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas, ref).toHaveProperty(ref.split("/").pop() as string);
    }
    for (const [id, schema] of Object.entries(doc.components.schemas)) {
      expect(schema, id).not.toHaveProperty("$schema");
      expect(
        Object.keys(schema).some((k) => ["type", "anyOf", "oneOf", "$ref", "enum"].includes(k)),
        id,
      ).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("is generated from the very schemas the routes validate with", () => {
    const { $schema: _s, ...spec } = z.toJSONSchema(querySpecSchema, { io: "input", unrepresentable: "any" });
    expect(doc.components.schemas.QuerySpec).toEqual(spec);
    const params = doc.paths["/alerts"]?.get?.parameters?.map((p) => p.name);
    expect(params).toEqual(Object.keys(alertListQuery.shape));
    expect(doc.paths["/reports"]?.post?.requestBody?.content["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/ReportDefinition",
    });
    expect((doc.components.schemas.EnergyRow as JsonSchema).required).toContain("meter_id");
  });

  describe("against the real app", () => {
    let store: DuckDBStore;
    let app: Hono;
    beforeAll(async () => {
      store = await DuckDBStore.open({ path: ":memory:" });
      const root = await mkdtemp(join(tmpdir(), "openapi-"));
      await publishExtracts(store, root, DEFAULT_EXTRACTS);
      const hub = new EventHub();
      const core = createApp({
        extractsRoot: root,
        reference: () => ({ outline: {}, towns: {} }),
        hub,
        ingest: { store },
        query: { connector: new DuckDBNodeConnector(store.instance), sources: ["energy_daily_town"] },
        auth: {
          store: await AuthStore.open({ path: ":memory:" }),
          audit: await AuditLog.open({ path: ":memory:" }),
        },
      });
      // The route groups built beside createApp, mounted as the app is to mount them.
      const api = new Hono();
      api.route("/", alertRoutes({ store, hub }));
      api.route(
        "/",
        reportRoutes({
          reports: await ReportFile.open({ path: ":memory:" }),
          run: specRunner({
            connector: new DuckDBNodeConnector(store.instance),
            sources: ["energy_daily_town"],
          }),
        }),
      );
      api.route("/", metricsRoutes({ metrics: new AppMetrics() }));
      api.route(
        "/",
        cameraRoutes({
          vision: {
            health: () => ({ cameras: [] }),
            latestSnapshot: async () => null,
            pushTarget: () => undefined,
            push: () => ({ replaced: false }),
          },
        }),
      );
      api.route("/", openapiRoutes());
      app = new Hono();
      app.route("/api", api);
      app.route("/", core);
    });
    afterAll(() => store.close());

    it("documents every route the app registers under /api, and nothing else", () => {
      const registered = new Set(
        app.routes
          .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
          .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path.slice(4))}`),
      );
      const documented = new Set(operations(doc).map((o) => `${o.method} ${o.path}`));
      expect(
        [...registered].filter((r) => !documented.has(r)),
        "registered but not documented",
      ).toEqual([]);
      expect(
        [...documented].filter((d) => !registered.has(d)),
        "documented but not registered",
      ).toEqual([]);
    });

    it("describes what the routes really answer", async () => {
      expect(healthSchema.safeParse(await (await app.request("/api/health")).json()).success).toBe(true);
      const m = await createApp({
        extractsRoot: await publishedRoot(store),
        reference: () => ({ outline: {}, towns: {} }),
      }).request("/api/manifest");
      expect(manifestSchema.strict().safeParse(await m.json()).error).toBeUndefined();
    });

    it("serves the document and a self-contained docs page", async () => {
      const json = await app.request("/api/openapi.json");
      expect(json.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect(await json.json()).toEqual(doc);
      const page = await app.request("/api/docs");
      expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(page.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
      const html = await page.text();
      for (const { op } of operations(doc)) expect(html).toContain(`id="${op.operationId}"`);
      for (const id of Object.keys(doc.components.schemas)) expect(html).toContain(`id="schema-${id}"`);
      expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    });
  });
});

async function publishedRoot(store: DuckDBStore): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "openapi-m-"));
  await publishExtracts(store, root, DEFAULT_EXTRACTS);
  return root;
}
