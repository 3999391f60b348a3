// Server benchmarks on loopback: extract downloads (compressed vs raw), /api/query latency for
// typical drill queries, SSE fan-out delay to many clients, HTTP ingest vs direct store ingest.
// Usage: tsx bench/server.bench.ts [--preset demo|full] [--clients 500]
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import {
  DEFAULT_EXTRACTS,
  DEFAULT_ROLLUPS,
  DuckDBNodeConnector,
  DuckDBStore,
  extractViewSql,
} from "@citybrain/analytics";
import type { PresetName } from "@citybrain/datasets";
import { createApp } from "../src/app.ts";
import { prepareData } from "../src/bootstrap/prepare-data.ts";
import { EventHub } from "../src/events/event-hub.ts";

const { values } = parseArgs({
  options: { preset: { type: "string", default: "demo" }, clients: { type: "string", default: "500" } },
});
const preset = values.preset as PresetName;
const ROOT = resolve(import.meta.dirname, "../..");
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const round = (x: number) => Math.round(x * 10) / 10;
const record: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadavg: loadavg(),
  },
  preset,
};

const { store, paths } = await prepareData({
  preset,
  seed: 1,
  dataDir: join(ROOT, "data", `bench-${preset}`),
  log: () => undefined,
});
for (const def of DEFAULT_EXTRACTS) await store.exec(extractViewSql(def));
const hub = new EventHub({ clientQueue: 1024 });
const app = createApp({
  extractsRoot: paths.extracts,
  reference: () => ({ outline: {}, towns: {} }),
  hub,
  ingest: { store },
  query: {
    connector: new DuckDBNodeConnector(store.instance),
    sources: [...DEFAULT_EXTRACTS.map((e) => e.name), ...DEFAULT_ROLLUPS.map((r) => r.name)],
  },
});
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((r) => server.once("listening", r));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

// 1. Extract downloads.
const manifest = (await (await fetch(`${base}/api/manifest`)).json()) as {
  extracts: { name: string; url: string; bytes: number }[];
};
const downloads: Record<string, unknown>[] = [];
for (const e of manifest.extracts.filter((x) => x.bytes > 100_000)) {
  const row: Record<string, unknown> = { extract: e.name, rawBytes: e.bytes };
  for (const enc of ["identity", "gzip", "br"]) {
    const times: number[] = [];
    let wire = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const res = await fetch(`${base}${e.url}`, { headers: { "Accept-Encoding": enc } });
      wire = Number(res.headers.get("Content-Length") ?? 0) || (await res.clone().arrayBuffer()).byteLength;
      await res.arrayBuffer(); // fetch decodes gzip/br: this is decode-inclusive time
      times.push(performance.now() - t);
    }
    row[`${enc}Ms`] = round(quantile(times, 0.5));
    row[`${enc}WireBytes`] = wire;
  }
  downloads.push(row);
}
record.downloads = downloads;
console.table(downloads);

// 2. /api/query latency for drill queries.
const specs = {
  "tce by town (all days)": {
    from: "energy_daily_town",
    dimensions: [{ field: "town_name" }],
    measures: [{ field: "tce", agg: "sum" }],
  },
  "daily tce of one town by carrier": {
    from: "energy_daily_town",
    dimensions: [{ field: "day" }, { field: "carrier" }],
    measures: [{ field: "tce", agg: "sum" }],
    filters: [{ field: "town_code", op: "eq", values: ["500152002"] }],
  },
  "top 20 enterprises by hourly tce (rollup)": {
    from: "rollup_energy_hour",
    dimensions: [{ field: "enterprise_id" }],
    measures: [{ field: "tce", agg: "sum" }],
    orderBy: [{ field: "sum_tce", dir: "desc" }],
    limit: 20,
  },
  "monthly traffic by class (rollup)": {
    from: "rollup_traffic_hour",
    dimensions: [{ field: "hour", grain: "month" }, { field: "class" }],
    measures: [{ field: "count", agg: "sum" }],
  },
};
const query: Record<string, unknown> = {};
for (const [name, spec] of Object.entries(specs)) {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/query`, {
      method: "POST",
      body: JSON.stringify(spec),
      headers: { "Content-Type": "application/json" },
    });
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status} ${await res.text()}`);
    await res.json();
    times.push(performance.now() - t);
  }
  query[name] = { p50Ms: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)) };
}
record.query = query;
console.table(query);

// 3. SSE fan-out: N clients, 20 events, delay from publish to receipt.
const clients = Number(values.clients);
const delays: number[] = [];
const controllers: AbortController[] = [];
let connected = 0;
await Promise.all(
  Array.from({ length: clients }, async () => {
    const ac = new AbortController();
    controllers.push(ac);
    const res = await fetch(`${base}/api/events`, { signal: ac.signal });
    connected++;
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buf = "";
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buf += decoder.decode(value, { stream: true });
          let i;
          while ((i = buf.indexOf("\n\n")) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const data = block.split("\n").find((l) => l.startsWith("data: "));
            if (block.includes("event: bench") && data)
              delays.push(Date.now() - (JSON.parse(data.slice(6)) as { at: number }).at);
          }
        }
      } catch {
        /* aborted */
      }
    })();
  }),
);
for (let i = 0; i < 20; i++) {
  hub.publish("bench", { at: Date.now(), i });
  await new Promise((r) => setTimeout(r, 100));
}
await new Promise((r) => setTimeout(r, 1000));
controllers.forEach((c) => c.abort());
record.sse = {
  clients: connected,
  events: 20,
  received: delays.length,
  p50Ms: quantile(delays, 0.5),
  p95Ms: quantile(delays, 0.95),
  maxMs: Math.max(...delays),
};
console.table(record.sse);

// 4. HTTP ingest vs direct store ingest (same rows, fresh stores).
const rows = Array.from({ length: 50_000 }, (_, i) => ({
  ts: new Date(Date.UTC(2027, 0, 1) + i * 300_000).toISOString(),
  monitor_id: `SEP-${String(i % 152).padStart(3, "0")}`,
  town_code: "500152001",
  ch4_lel: (i % 40) + 0.5,
  h2s_ppm: 1,
  level_pct: 50,
  temperature_c: 20,
}));
const ndjson = rows.map((r) => JSON.stringify(r)).join("\n");
const direct = await DuckDBStore.open({ path: ":memory:" });
let t = performance.now();
await direct.ingest("septic", rows, { batchId: "direct" });
const directMs = performance.now() - t;
await direct.close();
const tmp = await mkdtemp(join(tmpdir(), "bench-"));
t = performance.now();
const res = await fetch(`${base}/api/ingest/septic`, {
  method: "POST",
  body: ndjson,
  headers: { "Content-Type": "application/x-ndjson", "X-Batch-Id": `bench-${Date.now()}` },
});
const httpMs = performance.now() - t;
if (!res.ok) throw new Error(`ingest: HTTP ${res.status} ${await res.text()}`);
record.ingest = {
  rows: rows.length,
  directMs: Math.round(directMs),
  httpMs: Math.round(httpMs),
  httpRowsPerSec: Math.round((rows.length / httpMs) * 1000),
  ratioHttpToDirect: round(directMs / httpMs),
};
console.table(record.ingest);
await rm(tmp, { recursive: true, force: true });

server.close();
await store.close();
const out = join(ROOT, "docs", "benchmarks", `server-${preset}.json`);
await writeFile(out, `${JSON.stringify(record, null, 2)}\n`);
console.log(`wrote ${out}`);
process.exit(0);
