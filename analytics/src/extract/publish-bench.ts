// Measures publishExtracts on a generated preset: a full publish, then republishes after one
// stream changed. Prints one JSON record (docs/extracts.md quotes it).
// Usage: npx tsx src/extract/publish-bench.ts [--preset tiny|demo|full] [--db FILE]
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { STREAM_NAMES, type PresetName, type StreamName } from "@citybrain/datasets";
import { generateDataset } from "@citybrain/datasets/output";
import { TOWNS, generateSites } from "@citybrain/datasets/reference";
import { DuckDBStore } from "../store/duckdb-store.ts";
import { DEFAULT_EXTRACTS } from "./extract-defs.ts";
import { publishExtracts, type ExtractTiming, type PublishOptions } from "./publish.ts";
import { loadSites } from "./sites-table.ts";
import { loadTowns } from "./towns-table.ts";

const { values } = parseArgs({
  options: { preset: { type: "string", default: "demo" }, db: { type: "string" } },
});
const preset = values.preset as PresetName;
const tmp = await mkdtemp(join(tmpdir(), `publish-bench-${preset}-`));
const ms = (t: number) => Math.round(performance.now() - t);

// An existing database (--db, already loaded with the preset) skips generation and loading.
let t = performance.now();
const dbPath = values.db ?? join(tmp, "store.duckdb");
const fresh = !existsSync(dbPath);
const store = await DuckDBStore.open({ path: dbPath });
if (fresh) {
  await generateDataset({ preset, seed: 42, out: join(tmp, "dataset"), formats: ["parquet"] });
  for (const s of STREAM_NAMES)
    await store.loadParquet(s, [join(tmp, "dataset", `${s}.parquet`)], { batchId: `bench:${s}` });
}
const loadMs = ms(t);
t = performance.now();
await loadSites(store, generateSites({ seed: 42 }));
const sitesMs = ms(t);
await loadTowns(
  store,
  TOWNS.map((x) => ({ code: x.code, name: x.name, kind: x.kind, lon: x.seat[0], lat: x.seat[1] })),
);

const root = join(tmp, "extracts");
async function publish(options: PublishOptions) {
  const extracts: ExtractTiming[] = [];
  const started = performance.now();
  const manifest = await publishExtracts(store, root, DEFAULT_EXTRACTS, {
    ...options,
    onExtract: (x) => extracts.push(x),
  });
  return { ms: ms(started), manifest, extracts };
}

const full = await publish({});
const sizes = full.manifest.extracts.map((e) => {
  const files = e.parts ?? [e];
  const sum = (f: (p: (typeof files)[number]) => number) => files.reduce((s, p) => s + f(p), 0);
  const timing = full.extracts.find((x) => x.name === e.name);
  return {
    name: e.name,
    role: e.role,
    rows: sum((p) => p.rows),
    arrowBytes: sum((p) => p.bytes),
    brBytes: sum((p) => p.encodings.br ?? 0),
    gzipBytes: sum((p) => p.encodings.gzip ?? 0),
    parquetBytes: sum((p) => p.parquet?.bytes ?? 0),
    parts: e.parts?.length ?? null,
    ms: Math.round(timing?.ms ?? 0),
  };
});

/** The newest hour of a stream: what one ingest of a live feed touches. */
async function lastHour(stream: StreamName): Promise<readonly [number, number]> {
  const hi = Number((await store.query(`SELECT epoch_ms(max(ts)) AS hi FROM ${stream}`))[0]?.hi);
  return [hi - 3_599_999, hi];
}
const scenarios: [string, PublishOptions][] = [
  ...(["septic", "air", "traffic", "cases", "alerts"] as StreamName[]).map((s): [string, PublishOptions] => [
    `${s} changed`,
    { changedStreams: [s] },
  ]),
  [
    "traffic changed, last hour",
    { changedStreams: ["traffic"], changedRanges: { traffic: await lastHour("traffic") } },
  ],
  [
    "energy changed, last hour",
    { changedStreams: ["energy"], changedRanges: { energy: await lastHour("energy") } },
  ],
  ["energy changed, range unknown", { changedStreams: ["energy"] }],
  ["nothing changed", { changedStreams: [] }],
];
const incremental = [];
for (const [label, options] of scenarios) {
  const r = await publish(options);
  const recomputed = r.extracts
    .filter((x) => x.reused !== "all")
    .map((x) => `${x.name} (${Math.round(x.ms)} ms)`);
  incremental.push({ label, ms: r.ms, recomputed });
}

console.log(
  JSON.stringify(
    {
      benchmark: "publish-extracts",
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
      preset,
      loadMs: fresh ? loadMs : null,
      loadSitesMs: sitesMs,
      fullPublishMs: full.ms,
      extracts: sizes,
      incremental,
    },
    null,
    2,
  ),
);
await store.close();
await rm(tmp, { recursive: true, force: true });
