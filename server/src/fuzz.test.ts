// Seeded fuzzing of the whole HTTP surface: thousands of random and malformed requests against
// real apps (createApp with and without auth, plus the route groups not yet wired into it), over
// a real DuckDB and real extracts. No answer may be a 5xx and the process must survive.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_EXTRACTS,
  DuckDBNodeConnector,
  DuckDBStore,
  extractViewSql,
  publishExtracts,
} from "@citybrain/analytics";
import { createApp } from "./app.ts";
import { AuditLog, type AuthStore } from "./auth/index.ts";
import { memoryStore } from "./auth/test-fixtures.ts";
import { EventHub } from "./events/event-hub.ts";
import { alertRoutes } from "./routes/alerts/index.ts";
import { AppMetrics, metrics, metricsRoutes } from "./routes/metrics/index.ts";
import { ReportFile, reportRoutes } from "./routes/reports/index.ts";
import { openapiRoutes } from "./openapi/index.ts";

const SEED = Number(process.env.CITYBRAIN_FUZZ_SEED ?? 20260301);
const REQUESTS = Number(process.env.CITYBRAIN_FUZZ_REQUESTS ?? 5000);
const BUDGET_MS = 45_000;

/** mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

const energyRow = (i: number) => ({
  ts: new Date(Date.UTC(2026, 2, 1) + i * 900_000).toISOString(),
  meter_id: `M${i % 7}`,
  enterprise_id: "ENT-0001",
  industry: "equipment",
  town_code: `50015200${i % 3}`,
  carrier: i % 2 ? "electricity" : "gas",
  value: i,
});
const alertRow = (i: number) => ({
  alert_id: `rule.x:SITE-${i}:20260301T000000Z`,
  ts: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
  source: "septic",
  rule: "septic.ch4.high",
  severity: "major",
  site_id: `SITE-${i}`,
  town_code: "500152001",
  lon: 105.8,
  lat: 30.2,
  message: "甲烷浓度超限",
  evidence: null,
  status: "open",
  updated_at: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
  actor: null,
});

const VALID_BODIES = [
  JSON.stringify({ from: "energy_daily_town", measures: [{ field: "*", agg: "count" }] }),
  JSON.stringify({ from: "energy_daily_town", measures: [{ field: "town_code", agg: "sum" }] }),
  JSON.stringify({ from: "energy_daily_town", dimensions: [{ field: "town_code", grain: "month" }] }),
  JSON.stringify({ from: "energy_daily_town", filters: [{ field: "day", op: "between", values: ["a", 1] }] }),
  JSON.stringify({ note: "已处理" }),
  JSON.stringify({ name: "报表", spec: { from: "energy_daily_town" }, presentation: { chart: "bar" } }),
  JSON.stringify({ name: "admin", password: "correct horse battery" }),
  JSON.stringify({ kind: "ingest", label: "x", streams: ["energy"] }),
  [energyRow(1), energyRow(2)].map((r) => JSON.stringify(r)).join("\n"),
  JSON.stringify(alertRow(99)),
  "ts,meter_id,enterprise_id,industry,town_code,carrier,value\n2026-03-01,M1,ENT-1,equipment,5001,gas,1\n",
];
const CONTENT_TYPES = [
  "application/json",
  "application/x-ndjson",
  "text/csv",
  "application/vnd.apache.arrow.stream",
  "application/vnd.apache.parquet",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=zzz",
  "application/json; charset=latin1",
  "garbage/\u00ff",
];
const GARBAGE_HEADERS: Record<string, readonly string[]> = {
  Range: [
    "bytes=0-0",
    "bytes=-0",
    "bytes=5-2",
    "bytes=99999999999999999999-",
    "bytes=0-1,4-5",
    "items=1-2",
    "bytes=-",
  ],
  "Accept-Encoding": ["br", "gzip;q=0", "*;q=abc", "br;q=1e999", ",,,", "identity;q=0"],
  "If-None-Match": ['"m1"', "*", 'W/"x"', '"'],
  "If-Match": ['"v1"', '"v999999999999"', "*", "nonsense"],
  "X-Batch-Id": ["b1", "", "x".repeat(300), "../../etc", "a b"],
  Authorization: ["Bearer ", "Bearer cbd.0123456789abcdef.xxx", "Basic YTpi", "Bearer cbi..", "bearer x y z"],
  Cookie: ["cb_session=abc", "cb_session=", "=;=;", "cb_session=%FF"],
  "X-CSRF-Token": ["x", ""],
  "Last-Event-ID": ["-1", "1e9", "99999999999999999999", "abc"],
  "X-Request-Id": ["r-1", "x".repeat(300), "bad id with spaces"],
};
const PARAM_VALUES = [
  "energy_daily_town",
  "energy",
  "alerts",
  "towns.geojson",
  "rule.x:SITE-1:20260301T000000Z",
  "ack",
  "%FF",
  "%E4%B8",
  "%00",
  "..",
  "%2e%2e%2f",
  "x".repeat(3000),
  "名字",
  "admin",
  "0",
  "-1",
  "1e309",
];
const GOOD_PARAMS: Record<string, string[]> = {
  stream: ["energy", "alerts", "septic", "air"],
  name: ["energy_daily_town", "energy_hourly_town"],
  file: ["towns.geojson", "outline.geojson"],
  id: Array.from({ length: 20 }, (_, i) => encodeURIComponent(`rule.x:SITE-${i}:20260301T000000Z`)),
};
const GOOD_QUERY: Record<string, string[]> = {
  status: ["open", "ack,closed"],
  severity: ["critical", "major,minor"],
  since: ["2026-03-01T00:00:00Z"],
  limit: ["5"],
  v: ["1"],
  format: ["ndjson", "csv", "arrow", "parquet"],
  onBadRows: ["quarantine", "reject"],
};
const QUERY_KEYS = [
  "status",
  "severity",
  "since",
  "until",
  "limit",
  "offset",
  "v",
  "format",
  "onBadRows",
  "token",
];
const QUERY_VALUES = [
  "open",
  "1",
  "0",
  "-5",
  "1e309",
  "9999999999999",
  "%FF",
  "yesterday",
  "2026-03-01",
  "",
  "a,b,,",
];

function nested(depth: number, r: Rng): string {
  const [open, close] = r.chance(0.5) ? ["[", "]"] : ['{"a":', "}"];
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

const ANY = [
  0,
  -1,
  1e308,
  -1e308,
  5e-324,
  "a",
  "",
  "2026-03-01",
  "500152001",
  true,
  null,
  [],
  {},
  "x".repeat(500),
];
const COLUMNS = {
  day: "date",
  town_code: "string",
  carrier: "string",
  tce: "number",
  value: "number",
} as const;
type Column = keyof typeof COLUMNS;
const GOOD_VALUES = {
  date: ["2026-03-01", "2026-03-05"],
  string: ["500152001", "gas"],
  number: [0, 1.5, 300],
};

/**
 * A valid query spec over energy_daily_town, then (often) one mutation that keeps the shape and
 * breaks the meaning, so the builder, the value checks and DuckDB all get exercised.
 */
function randomSpec(r: Rng): unknown {
  const columns = Object.keys(COLUMNS) as Column[];
  const numeric = columns.filter((c) => COLUMNS[c] === "number");
  const value = (c: Column) => r.pick<unknown>(GOOD_VALUES[COLUMNS[c]]);
  const measures: Record<string, unknown>[] = r.chance(0.3)
    ? [{ field: "*", agg: "count" }]
    : [{ field: r.pick(numeric), agg: r.pick(["sum", "avg", "min", "max"]) }];
  const dimensions: Record<string, unknown>[] = r.chance(0.5)
    ? [{ field: "day", grain: r.pick(["day", "week", "month", "quarter", "year"]) }]
    : r.chance(0.5)
      ? [{ field: r.pick(["town_code", "carrier"]) }]
      : [];
  const filters = Array.from({ length: r.int(3) }, () => {
    const field = r.pick(columns);
    const op = r.pick(["eq", "neq", "in", "between", "gte", "lte", "gt", "lt"]);
    const n = op === "between" ? 2 : op === "in" ? 1 + r.int(3) : 1;
    return { field, op, values: Array.from({ length: n }, () => value(field)) };
  });
  const spec: Record<string, unknown> = { from: "energy_daily_town", measures, dimensions, filters };
  if (r.chance(0.2)) spec.limit = r.pick([1, 10, 1_000_000]);
  if (r.chance(0.6)) {
    const f = filters[0];
    switch (r.int(8)) {
      case 0:
        if (f) f.values = f.values.map(() => r.pick(ANY));
        break;
      case 1:
        measures.push({
          field: r.pick(["town_code", "day", "nope", "*"]),
          agg: r.pick(["sum", "avg", "count"]),
        });
        break;
      case 2:
        dimensions.push({ field: r.pick(["town_code", "tce", "nope"]), grain: r.pick(["hour", "month"]) });
        break;
      case 3:
        if (f) f.values.push(value(f.field));
        break;
      case 4:
        spec.limit = r.pick([0, -1, 1.5, 1e7, "10"]);
        break;
      case 5:
        spec.orderBy = [
          { field: r.pick(["tce", "day", "sum_tce", "nope"]), dir: r.pick(["asc", "desc", "up"]) },
        ];
        break;
      case 6:
        measures.push({ ...(measures[0] as object) });
        break;
      default:
        spec[r.pick(["from", "compare", "extra"])] = r.pick(["alerts", "yoy", "x;--", 1]);
    }
  }
  return spec;
}

/** Rows of a stream with some fields replaced by values of the wrong kind. */
function randomRows(r: Rng): string {
  const rows = Array.from({ length: 1 + r.int(5) }, (_, i) => {
    const row: Record<string, unknown> = r.chance(0.5) ? energyRow(i) : alertRow(100 + r.int(50));
    for (const k of Object.keys(row)) if (r.chance(0.15)) row[k] = r.pick(ANY);
    if (r.chance(0.1)) row.extra = r.pick(ANY);
    return JSON.stringify(row);
  });
  return rows.join(r.pick(["\n", "\r\n", "\n\n"]));
}

function body(r: Rng, path: string, limitBytes: number): string | Uint8Array | undefined {
  const valid = r.pick(VALID_BODIES);
  // Half the time, a body of the kind the route takes, so requests get past the first check.
  const aimed = r.chance(0.6);
  const kind = aimed && path.endsWith("/query") ? 10 : aimed && path.includes("/ingest/") ? 11 : undefined;
  switch (kind ?? (aimed && path.includes("/reports") ? 12 : r.int(13))) {
    case 10:
      return JSON.stringify(randomSpec(r));
    case 11:
      return randomRows(r);
    case 12:
      return JSON.stringify({
        name: r.pick(["报表", "", " ", "x".repeat(200)]),
        spec: randomSpec(r),
        presentation: {
          chart: r.pick(["bar", "pie", "radar"]),
          options: r.pick([{}, { a: [1, { b: 2 }] }, []]),
        },
      });
    case 0:
      return undefined;
    case 1:
      return valid;
    case 2:
      return valid.slice(0, r.int(valid.length)); // truncated
    case 3:
      return valid.replace(/\d+/g, () =>
        r.pick(["1e309", "-1e999", "123456789012345678901234567890", "NaN"]),
      );
    case 4:
      return new Uint8Array(Array.from({ length: 1 + r.int(200) }, () => r.int(256))); // random bytes, bad UTF-8
    case 5:
      return nested(r.pick([10, 1000, 20_000, 100_000]), r);
    case 6:
      return "x".repeat(limitBytes + 1 + r.int(1000)); // oversized
    case 7:
      return valid.replace(/"[a-z_]+"/, '"\ud800"'); // lone surrogate
    case 8:
      return JSON.stringify(r.pick([null, 0, [], "s", true, { from: [] }, { measures: {} }]));
    default:
      return Buffer.concat([Buffer.from(valid.slice(0, 20)), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff])]);
  }
}

interface Target {
  readonly name: string;
  readonly app: Hono;
  readonly routes: readonly { readonly method: string; readonly path: string }[];
  readonly headers?: (r: Rng) => Record<string, string>;
}

function randomRequest(r: Rng, t: Target): { url: string; init: RequestInit } {
  const route = r.pick(t.routes);
  let path = route.path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) =>
    r.chance(0.6) && GOOD_PARAMS[name] ? r.pick(GOOD_PARAMS[name]) : r.pick(PARAM_VALUES),
  );
  if (r.chance(0.05)) path = path.replace(/\/$/, "") + r.pick(["/", "//x", "/../..", "?", "#x"]);
  const params = Array.from({ length: r.int(4) }, () => {
    const key = r.pick(QUERY_KEYS);
    return `${key}=${r.chance(0.5) && GOOD_QUERY[key] ? r.pick(GOOD_QUERY[key]) : r.pick(QUERY_VALUES)}`;
  });
  const url = params.length ? `${path}?${params.join("&")}` : path;
  const method = r.chance(0.75)
    ? route.method
    : r.pick(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "BREW"]);
  const headers: Record<string, string> = { ...t.headers?.(r) };
  // Mostly the type the route reads, so bodies get parsed; otherwise anything.
  const fitting = path.includes("/ingest/") ? "application/x-ndjson" : "application/json";
  if (r.chance(0.7)) headers["Content-Type"] = fitting;
  else if (r.chance(0.6)) headers["Content-Type"] = r.pick(CONTENT_TYPES);
  for (const [name, values] of Object.entries(GARBAGE_HEADERS))
    if (r.chance(0.12)) headers[name] = r.pick(values);
  const b = method === "GET" || method === "HEAD" ? undefined : body(r, path, 300_000);
  return { url, init: { method, headers, ...(b !== undefined ? { body: b } : {}) } };
}

function describeRequest(url: string, init: RequestInit): string {
  const b = init.body;
  const preview =
    typeof b === "string" ? JSON.stringify(b.slice(0, 120)) : b ? `<${(b as Uint8Array).length} bytes>` : "";
  return `${init.method} ${url.slice(0, 200)} ${JSON.stringify(init.headers)} ${preview}`;
}

describe("fuzzing the HTTP surface", () => {
  let store: DuckDBStore;
  let auth: AuthStore;
  const targets: Target[] = [];
  const crashes: unknown[] = [];
  const onCrash = (e: unknown) => crashes.push(e);

  beforeAll(async () => {
    process.on("uncaughtException", onCrash);
    process.on("unhandledRejection", onCrash);
    store = await DuckDBStore.open({ path: ":memory:" });
    await store.ingest(
      "energy",
      Array.from({ length: 300 }, (_, i) => energyRow(i)),
      { batchId: "seed-e" },
    );
    await store.ingest(
      "alerts",
      Array.from({ length: 20 }, (_, i) => alertRow(i)),
      { batchId: "seed-a" },
    );
    for (const def of DEFAULT_EXTRACTS) await store.exec(extractViewSql(def));
    const root = await mkdtemp(join(tmpdir(), "fuzz-"));
    await publishExtracts(store, root, DEFAULT_EXTRACTS);
    auth = await memoryStore();
    const admin = await auth.addUser({ name: "root", role: "admin", password: "correct horse battery" });
    const session = await auth.createSession(admin.name);
    const display = await auth.issueToken({ kind: "display", label: "wall" });
    const ingest = await auth.issueToken({ kind: "ingest", label: "gw", streams: ["energy", "alerts"] });
    const hub = new EventHub();
    const base = {
      extractsRoot: root,
      reference: () => ({ outline: { type: "Feature" }, towns: { type: "FeatureCollection", features: [] } }),
      hub,
      // Small bodies decode in JS, larger ones go through DuckDB's readers: fuzz both paths.
      ingest: { store, maxBytes: 256 * 1024, sqlPathBytes: 2048 },
      query: { connector: new DuckDBNodeConnector(store.instance), sources: ["energy_daily_town"] },
    };
    // Every handler the app registered under /api (middleware is registered as ALL).
    const routesOf = (app: Hono) =>
      app.routes
        .filter((x) => x.method !== "ALL" && x.path.startsWith("/api/"))
        .map(({ method, path }) => ({ method, path }));
    const open = createApp(base);
    targets.push({ name: "open", app: open, routes: routesOf(open) });
    const authed = createApp({
      ...base,
      auth: { store: auth, audit: await AuditLog.open({ path: ":memory:" }) },
    });
    targets.push({
      name: "auth",
      app: authed,
      routes: routesOf(authed),
      headers: (r): Record<string, string> =>
        r.pick<Record<string, string>>([
          {},
          { Cookie: `cb_session=${session.id}`, "X-CSRF-Token": session.csrfToken },
          { Cookie: `cb_session=${session.id}` },
          { Authorization: `Bearer ${display.token}` },
          { Authorization: `Bearer ${ingest.token}` },
        ]),
    });
    // Route groups built beside createApp, fuzzed here until the app wires them.
    const extras = new Hono();
    const appMetrics = new AppMetrics({ sseClients: () => hub.clients });
    extras.use("*", requestId(), metrics({ metrics: appMetrics }));
    const api = new Hono();
    api.route("/", alertRoutes({ store, hub, audit: await AuditLog.open({ path: ":memory:" }) }));
    api.route(
      "/",
      reportRoutes({ reports: await ReportFile.open({ path: ":memory:" }), sources: ["energy_daily_town"] }),
    );
    api.route("/", metricsRoutes({ metrics: appMetrics }));
    api.route("/", openapiRoutes());
    extras.route("/api", api);
    extras.onError((_, c) => c.json({ error: { code: "internal", message: "internal error" } }, 500));
    targets.push({ name: "extras", app: extras, routes: routesOf(extras) });
  });
  afterAll(async () => {
    process.off("uncaughtException", onCrash);
    process.off("unhandledRejection", onCrash);
    await store.close();
  });

  it(`answers ${REQUESTS} seeded random requests without a single 5xx`, { timeout: 60_000 }, async () => {
    const r = rng(SEED);
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    const started = Date.now();
    let sent = 0;
    for (; sent < REQUESTS && Date.now() - started < BUDGET_MS; sent++) {
      const target = targets[sent % targets.length] as Target;
      const { url, init } = randomRequest(r, target);
      const res = await target.app.request(url, init);
      if ((res.headers.get("Content-Type") ?? "").startsWith("text/event-stream")) await res.body?.cancel();
      else await res.arrayBuffer();
      const k = `${target.name} ${init.method} ${res.status}`;
      statuses.set(k, (statuses.get(k) ?? 0) + 1);
      if (res.status >= 500)
        failures.push(`#${sent} [${target.name}] ${res.status}: ${describeRequest(url, init)}`);
    }
    if (process.env.CITYBRAIN_FUZZ_VERBOSE)
      console.log(
        [...statuses]
          .sort()
          .map((e) => e.join(": "))
          .join("\n"),
      );
    expect(crashes).toEqual([]);
    expect(failures, `seed ${SEED}:\n${failures.slice(0, 20).join("\n")}`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(Math.min(REQUESTS, 2000));
    // Still alive and answering.
    expect((await (targets[0] as Target).app.request("/api/health")).status).toBe(200);
  });
});
