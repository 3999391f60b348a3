// npm run bench -w screen — brushing a timeline over 10M rows in DuckDB-WASM (the screen's
// engine, here its Node build, single-threaded like the browser's), through the screen's own
// Coordinator: every move re-answers three linked panels. Measured both ways in the same run:
// direct queries over the rows (the baseline), and brush cubes (groups × bins). Writes
// docs/benchmarks/screen-brush.json. Options: BENCH_ROWS (default 10M), BENCH_MOVES (default 120).
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { brushFilters, fieldTypeFromDuckDb } from "@citybrain/analytics/browser";
import type { BrushBins, QueryConnector, QuerySpec } from "@citybrain/analytics/browser";
import type { Table } from "apache-arrow";
import { arrowRows } from "../src/query/arrow-rows.ts";
import { Coordinator } from "../src/query/coordinator.ts";
import type { QueryClient } from "../src/query/query-client.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const MOVES = Number(process.env.BENCH_MOVES ?? 120);
const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 0, 1);
const HOURS = 8760;
const ROOT = resolve(import.meta.dirname, "../..");

/** The blocking (in-thread) Node build of the same DuckDB-WASM the screen runs in a worker. */
interface BlockingConnection {
  query(sql: string): Table;
  prepare(sql: string): { query(...params: unknown[]): Table; close(): void };
}
const require = createRequire(import.meta.url);
const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs") as {
  createDuckDB(
    bundles: unknown,
    logger: unknown,
    runtime: unknown,
  ): Promise<{
    instantiate(): Promise<void>;
    open(config: unknown): void;
    connect(): BlockingConnection;
    getVersion(): string;
  }>;
  VoidLogger: new () => unknown;
  NODE_RUNTIME: unknown;
};
const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs"));
const db = await duckdb.createDuckDB(
  {
    mvp: { mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: "" },
    eh: { mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: "" },
  },
  new duckdb.VoidLogger(),
  duckdb.NODE_RUNTIME,
);
await db.instantiate();
db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
const conn = db.connect();

/** The screen connector's conversion (duckdb-wasm-connector.ts), over the blocking connection. */
const connector: QueryConnector = {
  query(sql, params) {
    const stmt = conn.prepare(sql);
    try {
      return Promise.resolve(arrowRows(stmt.query(...params)));
    } finally {
      stmt.close();
    }
  },
};

// Energy by enterprise × hour for a year, like energy_hourly_enterprise at the full preset.
let t = performance.now();
const enterprises = Math.ceil(ROWS / HOURS);
conn.query(
  `CREATE TABLE energy AS
   SELECT TIMESTAMP '2025-01-01 00:00:00' + to_hours(h) AS ts, 'T' || lpad(CAST(e % 23 AS VARCHAR), 2, '0') AS town_code,
          ['electricity', 'water', 'gas', 'oil'][1 + (e % 4)] AS carrier,
          ['equipment', 'food', 'chemicals', 'textiles', 'building'][1 + (e % 5)] AS industry,
          round(((e * 37 + h * 11) % 997) / 10.0 + (h % 24), 2) AS tce
   FROM range(0, ${HOURS}) r(h), range(0, ${enterprises}) s(e)`,
);
const loadMs = performance.now() - t;
const rows = Number((conn.query("SELECT count(*) AS n FROM energy").toArray()[0] as { n: number }).n);
const describe = conn.query("DESCRIBE energy").toArray() as { column_name: string; column_type: string }[];
const fields = Object.fromEntries(describe.map((r) => [r.column_name, fieldTypeFromDuckDb(r.column_type)]));

class Panel implements QueryClient {
  updates = 0;
  constructor(
    readonly id: string,
    private readonly spec: QuerySpec,
  ) {}
  specs() {
    return { main: this.spec };
  }
  update() {
    this.updates++;
  }
  error(e: Error) {
    throw e;
  }
}
// The brushing timeline and three panels it filters.
const panels = [
  new Panel("timeline", {
    from: "energy",
    dimensions: [{ field: "ts", grain: "day", as: "day" }],
    measures: [{ field: "tce", agg: "sum", as: "tce" }],
  }),
  new Panel("kpi", {
    from: "energy",
    measures: [
      { field: "tce", agg: "sum", as: "tce" },
      { field: "*", agg: "count" },
    ],
  }),
  new Panel("towns", {
    from: "energy",
    dimensions: [{ field: "town_code" }],
    measures: [{ field: "tce", agg: "sum", as: "tce" }],
    orderBy: [{ field: "tce", dir: "desc" }],
  }),
  new Panel("carriers", {
    from: "energy",
    dimensions: [{ field: "carrier" }, { field: "industry" }],
    measures: [
      { field: "tce", agg: "sum", as: "tce" },
      { field: "tce", agg: "avg" },
    ],
  }),
];

// A drag over a 730-px timeline: 12-hour bins (one per pixel), the range grows and slides.
const bins: BrushBins = { field: "ts", start: T0, step: 12 * HOUR };
const BINS = HOURS / 12;
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const moves: [number, number][] = [];
let lo = Math.floor(BINS * 0.2);
let hi = lo + 4;
for (let i = 0; i < MOVES; i++) {
  if (i < MOVES / 2) hi = Math.min(BINS, hi + 1 + Math.floor(rand() * 6));
  else {
    const shift = Math.floor(rand() * 5) - 1;
    lo = Math.max(0, Math.min(BINS - 1, lo + shift));
    hi = Math.max(lo + 1, Math.min(BINS, hi + shift));
  }
  moves.push([T0 + lo * bins.step, T0 + hi * bins.step]);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), max: +at(1).toFixed(2) };
};

async function run(cubes: boolean) {
  const coordinator = new Coordinator(connector);
  panels.forEach((p) => coordinator.connect(p));
  await coordinator.setFields({ energy: fields });
  let buildMs = 0;
  if (cubes) {
    const t0 = performance.now();
    await coordinator.brushStart("time", "timeline", bins);
    buildMs = performance.now() - t0;
  }
  const ms: number[] = [];
  for (const range of moves) {
    const t0 = performance.now();
    if (cubes) await coordinator.brush(range, "brush");
    else
      await coordinator.select("time", {
        source: "timeline",
        value: String(range),
        label: "brush",
        filters: brushFilters(bins, range, "timestamp"),
      });
    ms.push(performance.now() - t0);
  }
  if (cubes) await coordinator.brushEnd();
  return { buildMs: +buildMs.toFixed(1), moveMs: stats(ms) };
}

const at = {
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  node: process.version,
  loadAverageAtStart: loadavg(),
};
t = performance.now();
const direct = await run(false);
const cube = await run(true);
const record = {
  benchmark: "screen-brush",
  date: new Date().toISOString(),
  machine: at,
  engine: `DuckDB-WASM ${db.getVersion()} (Node blocking build, one thread, as in the browser worker)`,
  rows,
  loadMs: Math.round(loadMs),
  panels:
    "timeline brushes 12-hour bins (730); KPI total + count, 23 towns ranked, carrier × industry sum + avg",
  moves: moves.length,
  direct,
  cubes: cube,
  speedupMedian: +(direct.moveMs.median / cube.moveMs.median).toFixed(1),
  goalMs: 33,
  mosaicReferenceMs: { median: 57, p95: 91, note: "Mosaic with pre-aggregation, 10M rows (DEVELOPERS.md)" },
};
console.log(JSON.stringify(record, null, 2));
await mkdir(join(ROOT, "docs/benchmarks"), { recursive: true });
await writeFile(join(ROOT, "docs/benchmarks/screen-brush.json"), `${JSON.stringify(record, null, 2)}\n`);
console.log("wrote docs/benchmarks/screen-brush.json");
