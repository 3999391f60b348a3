import { createHash } from "node:crypto";
import { join } from "node:path";
import { tableToIPC, type Table } from "apache-arrow";
import { writeFileAtomic } from "./atomic-write.ts";
import type { ExtractFile } from "./manifest.ts";

/**
 * Writes `table` as `<base>.arrows`, an uncompressed Arrow IPC stream (DuckDB-WASM rejects
 * compressed buffers), atomically. Its precompressed and Parquet siblings come later, from
 * `ExtractFinisher`, so the entry starts with no encodings.
 */
export async function writeArrowFile(
  dir: string,
  base: string,
  table: Table,
): Promise<Omit<ExtractFile, "timeRange" | "parquet">> {
  const bytes = tableToIPC(table, "stream");
  const file = `${base}.arrows`;
  await writeFileAtomic(join(dir, file), bytes);
  return {
    file,
    rows: table.numRows,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    encodings: {},
  };
}
