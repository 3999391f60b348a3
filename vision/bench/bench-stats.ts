import { writeFile, mkdir } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../src/testing/fixtures.ts";

/** Median, 90th percentile and mean, rounded to 0.01. */
export function stats(values: readonly number[]): { median: number; p90: number; mean: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { median: round(at(0.5)), p90: round(at(0.9)), mean: round(mean) };
}

export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** The machine a record was taken on, with the load average: timings on a busy machine say so. */
export function machine(): Record<string, unknown> {
  return {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    node: process.version,
    loadAverageAtStart: loadavg().map((v) => round(v)),
  };
}

/** Writes `docs/benchmarks/<name>.json`. */
export async function writeRecord(name: string, record: object): Promise<string> {
  const dir = join(repoRoot, "docs/benchmarks");
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
