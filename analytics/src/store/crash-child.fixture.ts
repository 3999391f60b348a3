// Child process for the crash test: ingests batches of septic rows forever into a store file,
// printing "committed <batch>" after each commit, until it is killed.
import { DuckDBStore } from "./duckdb-store.ts";

const [path, rowsArg] = process.argv.slice(2);
if (!path) throw new Error("usage: crash-child.fixture.ts <db path> [rows per batch]");
const rowsPerBatch = Number(rowsArg ?? 20000);
const store = await DuckDBStore.open({ path, threads: 1 });
const start = Date.UTC(2026, 0, 1);
for (let b = 0; ; b++) {
  const rows = Array.from({ length: rowsPerBatch }, (_, i) => ({
    ts: start + (b * rowsPerBatch + i) * 300_000,
    monitor_id: "SEP-001",
    town_code: "500152001",
    ch4_lel: (i % 50) + 0.5,
    h2s_ppm: 1,
    level_pct: 50,
    temperature_c: 20,
  }));
  if (b === 0) process.stdout.write("ready\n");
  await store.ingest("septic", rows, { batchId: `batch-${b}` });
  process.stdout.write(`committed ${b}\n`);
}
