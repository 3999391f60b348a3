/**
 * Benchmark of dataset generation (`npm run bench -w datasets`): rows/s of each stream's
 * generator alone (demo preset) against a plain typed-array loop over the same row count, rows/s
 * and bytes/row of each writer over the same batches (already in memory), the two Parquet
 * routes, and end-to-end `generateDataset` timings. Prints a table and writes
 * docs/benchmarks/datasets-generate.json.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ColumnBatch } from "../src/schema/index.ts";
import { duckdbType } from "../src/schema/index.ts";
import { DEFAULT_SOURCES } from "../src/output/dataset-sources.ts";
import { FORMATS, FORMAT_NAMES, writeStreamFile, type FormatName } from "../src/output/formats.ts";
import { generateDataset } from "../src/output/generate-dataset.ts";
import { STREAMS, STREAM_NAMES, type StreamName } from "../src/streams/index.ts";

const PRESET = "demo";
const SEED = 1;
const GOAL_ENERGY_ROWS_PER_S = 1_000_000;
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tmp = await mkdtemp(join(os.tmpdir(), "citybrain-bench-"));

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * Wall time and this process's CPU time (all threads, DuckDB's included). On a shared machine
 * the CPU time is the steadier figure: rows per CPU-second does not drop when others load it.
 */
async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, value };
}

interface Measure {
  ms: number;
  cpuMs: number;
  rowsPerSec: number;
  rowsPerCpuSec: number;
}

const measure = (rows: number, t: { ms: number; cpuMs: number }): Measure => ({
  ms: Math.round(t.ms),
  cpuMs: Math.round(t.cpuMs),
  rowsPerSec: perSecond(rows, t.ms),
  rowsPerCpuSec: perSecond(rows, t.cpuMs),
});

/** Generator alone: median of three full runs, counting rows. */
async function generation(stream: StreamName) {
  const sites = DEFAULT_SOURCES.sites(SEED);
  const generate = DEFAULT_SOURCES.generators[stream];
  if (!generate) throw new Error(`no generator for ${stream}`);
  const runs: { ms: number; cpuMs: number; value: number }[] = [];
  for (let k = 0; k < 3; k++) {
    const ctx = DEFAULT_SOURCES.context({ preset: PRESET, seed: SEED, sites });
    runs.push(
      await timed(() => {
        let n = 0;
        for (const b of generate(ctx)) n += b.length;
        return n;
      }),
    );
  }
  const mid = runs.sort((a, b) => a.ms - b.ms)[1] as { ms: number; cpuMs: number; value: number };
  return { rows: mid.value, ...measure(mid.value, mid) };
}

/** The baseline: a plain loop filling a Float64Array of the same row count (median of five). */
function baseline(rows: number): number {
  const a = new Float64Array(rows);
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    for (let i = 0; i < rows; i++) a[i] = i * 0.25 + (i & 7);
    runs.push(performance.now() - t0);
  }
  if (!(a[rows - 1]! >= 0)) throw new Error("baseline loop was optimised away");
  return median(runs);
}

async function materialize(stream: StreamName): Promise<ColumnBatch[]> {
  const sites = DEFAULT_SOURCES.sites(SEED);
  const ctx = DEFAULT_SOURCES.context({ preset: PRESET, seed: SEED, sites });
  return [...(DEFAULT_SOURCES.generators[stream] ?? (() => []))(ctx)];
}

async function writer(stream: StreamName, format: FormatName, batches: ColumnBatch[], rows: number) {
  const path = join(tmp, `${stream}.${FORMATS[format].ext}`);
  const r = await timed(() => writeStreamFile(STREAMS[stream], format, batches, path));
  return {
    ...measure(rows, r),
    bytes: r.value.bytes,
    bytesPerRow: Number((r.value.bytes / rows).toFixed(2)),
  };
}

/** The other Parquet route: our CSV, read back by DuckDB's read_csv with explicit types. */
async function parquetViaCsv(stream: StreamName, batches: ColumnBatch[], rows: number) {
  const csv = join(tmp, `${stream}-route.csv`);
  const parquet = join(tmp, `${stream}-route.parquet`);
  const columns = Object.entries(STREAMS[stream].fields)
    .map(([n, d]) => `'${n}': '${duckdbType(d)}'`)
    .join(", ");
  const r = await timed(async () => {
    await writeStreamFile(STREAMS[stream], "csv", batches, csv);
    const db = await DuckDBInstance.create(":memory:");
    const conn = await db.connect();
    await conn.run(
      `COPY (SELECT * FROM read_csv('${csv}', header=true, auto_detect=false, allow_quoted_nulls=false, columns={${columns}})) TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    conn.closeSync();
    db.closeSync();
  });
  return measure(rows, r);
}

async function duckdbVersion(): Promise<string> {
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  const v = String((await conn.runAndReadAll("SELECT version()")).getRows()[0]?.[0]);
  conn.closeSync();
  db.closeSync();
  return v;
}

const loadBefore = os.loadavg();
const streams = STREAM_NAMES.filter((s) => DEFAULT_SOURCES.generators[s]);
const results: Record<string, unknown> = {};
const table: string[][] = [];
const fmt = (n: number | undefined) => (n === undefined ? "" : Math.round(n).toLocaleString("en-US"));
let parquetRoutes: Record<string, unknown> = {};
for (const stream of streams) {
  const gen = await generation(stream);
  const baseRate = perSecond(gen.rows, baseline(gen.rows));
  const batches = await materialize(stream);
  const writers: Record<string, Awaited<ReturnType<typeof writer>>> = {};
  for (const format of FORMAT_NAMES) writers[format] = await writer(stream, format, batches, gen.rows);
  if (stream === "energy") {
    parquetRoutes = {
      stream,
      "appender-with-codes (used)": writers.parquet,
      "csv-then-read_csv": await parquetViaCsv(stream, batches, gen.rows),
    };
  }
  const { rows, ...generationMeasure } = gen;
  results[stream] = {
    rows,
    generation: generationMeasure,
    baseline: { what: "plain loop filling a Float64Array of the same row count", rowsPerSec: baseRate },
    generationToBaseline: Number((gen.rowsPerSec / baseRate).toFixed(4)),
    writers,
  };
  table.push([
    stream,
    "generate",
    fmt(rows),
    fmt(gen.rowsPerSec),
    fmt(gen.rowsPerCpuSec),
    "",
    (gen.rowsPerSec / baseRate).toFixed(4),
  ]);
  table.push([stream, "baseline loop", fmt(rows), fmt(baseRate), "", "", "1"]);
  for (const f of FORMAT_NAMES) {
    const w = writers[f];
    table.push([
      stream,
      `write ${f}`,
      fmt(rows),
      fmt(w?.rowsPerSec),
      fmt(w?.rowsPerCpuSec),
      w?.bytesPerRow.toFixed(1) ?? "",
      "",
    ]);
  }
}

const endToEnd: Record<string, { ms: number; cpuMs: number; rows: number }> = {};
for (const preset of ["tiny", "demo"] as const) {
  const out = join(tmp, `e2e-${preset}`);
  const first = await timed(() => generateDataset({ preset, seed: SEED, out }));
  const rows = Object.values(first.value.manifest.streams).reduce((n, s) => n + (s?.rows ?? 0), 0);
  endToEnd[preset] = { ms: Math.round(first.ms), cpuMs: Math.round(first.cpuMs), rows };
  const again = await timed(() => generateDataset({ preset, seed: SEED, out }));
  endToEnd[`${preset} (rerun, no-op)`] = { ms: Math.round(again.ms), cpuMs: Math.round(again.cpuMs), rows };
}
await rm(tmp, { recursive: true, force: true });

const energy = results.energy as { generation: Measure } | undefined;
const record = {
  benchmark: "datasets-generate",
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGB: Math.round(os.totalmem() / 1e9),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    duckdb: await duckdbVersion(),
    loadAverageBefore: loadBefore.map((x) => Number(x.toFixed(2))),
    loadAverageAfter: os.loadavg().map((x) => Number(x.toFixed(2))),
  },
  preset: PRESET,
  seed: SEED,
  goal: {
    energyGenerationRowsPerSec: GOAL_ENERGY_ROWS_PER_S,
    measured: energy?.generation.rowsPerSec,
    measuredPerCpuSec: energy?.generation.rowsPerCpuSec,
    met: (energy?.generation.rowsPerSec ?? 0) >= GOAL_ENERGY_ROWS_PER_S,
  },
  streams: results,
  parquetRoutes,
  endToEnd,
};

const header = ["stream", "what", "rows", "rows/s", "rows/CPU-s", "B/row", "vs baseline"];
const widths = header.map((h, j) => Math.max(h.length, ...table.map((r) => (r[j] ?? "").length)));
const line = (r: string[]) =>
  r.map((c, j) => (j < 2 ? c.padEnd(widths[j] ?? 0) : c.padStart(widths[j] ?? 0))).join("  ");
const m = record.machine;
console.log(`datasets generate benchmark — preset ${PRESET}, seed ${SEED}`);
console.log(
  `${m.cpus}× ${m.cpuModel}, node ${m.node}, ${m.duckdb}, load average ${m.loadAverageBefore.join(" ")}`,
);
console.log(line(header));
for (const r of table) console.log(line(r));
console.log(`parquet routes (${String(parquetRoutes.stream)}): ${JSON.stringify(parquetRoutes)}`);
for (const [k, v] of Object.entries(endToEnd)) {
  const what = `${(v.ms / 1000).toFixed(2)} s wall, ${(v.cpuMs / 1000).toFixed(2)} s CPU`;
  console.log(`generateDataset ${k}: ${what} for ${fmt(v.rows)} rows, all formats`);
}
const verdict = record.goal.met ? "met" : "NOT met";
console.log(
  `goal: energy generation ≥ ${fmt(GOAL_ENERGY_ROWS_PER_S)} rows/s — ${verdict} (${fmt(energy?.generation.rowsPerSec)})`,
);

const file = join(root, "docs", "benchmarks", "datasets-generate.json");
await mkdir(dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
console.log(`wrote ${file}`);
