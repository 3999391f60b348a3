import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tableToIPC, type Table } from "apache-arrow";
import type { ExtractFile } from "./manifest.ts";
import { StageClock, type PendingSync } from "./stage-clock.ts";

/**
 * Writes `table` as `<base>.arrows`, an uncompressed Arrow IPC stream (DuckDB-WASM rejects
 * compressed buffers), into the new version directory `dir` — not yet referenced by any
 * manifest, so a plain write is safe; `sync` fsyncs it before the manifest swap. Its
 * precompressed and Parquet siblings come later, from `ExtractFinisher`, so the entry starts
 * with no encodings.
 */
export async function writeArrowFile(
  dir: string,
  base: string,
  table: Table,
  sync: PendingSync,
  clock = new StageClock(),
): Promise<Omit<ExtractFile, "timeRange" | "parquet">> {
  const bytes = await clock.time("encode", () => tableToIPC(table, "stream"));
  const sha256 = await clock.time("hash", () => createHash("sha256").update(bytes).digest("hex"));
  const file = `${base}.arrows`;
  const path = join(dir, file);
  await clock.time("write", () => writeFile(path, bytes, { flag: "wx" }));
  sync.add(path);
  return { file, rows: table.numRows, bytes: bytes.length, sha256, encodings: {} };
}
