import { createHash } from "node:crypto";
import { open, rename, stat } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { tableToIPC, type Table } from "apache-arrow";
import type { Store } from "../store/store.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import type { ExtractFile, ParquetFile } from "./manifest.ts";
import { zstdCompress } from "./zstd.ts";

const gz = promisify(gzip);
const br = promisify(brotliCompress);

/**
 * Writes `table` as `<base>.arrows` (uncompressed Arrow IPC stream: DuckDB-WASM rejects
 * compressed buffers) with precompressed `.zst`, `.br` and `.gz` siblings, each atomically.
 */
export async function writeArrowFiles(
  dir: string,
  base: string,
  table: Table,
): Promise<Omit<ExtractFile, "timeRange" | "parquet">> {
  const bytes = tableToIPC(table, "stream");
  const file = `${base}.arrows`;
  const [gzBytes, brBytes, zstBytes] = await Promise.all([
    gz(bytes, { level: 6 }),
    br(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
    zstdCompress(bytes),
  ]);
  await Promise.all([
    writeFileAtomic(join(dir, file), bytes),
    writeFileAtomic(join(dir, `${file}.gz`), gzBytes),
    writeFileAtomic(join(dir, `${file}.br`), brBytes),
    writeFileAtomic(join(dir, `${file}.zst`), zstBytes),
  ]);
  return {
    file,
    rows: table.numRows,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    encodings: { zstd: zstBytes.length, br: brBytes.length, gzip: gzBytes.length },
  };
}

let copies = 0;

/**
 * Writes the rows of `select` as `<base>.parquet` (ZSTD) with DuckDB's `COPY`: into a temp
 * file in the same directory, fsynced, then renamed over the target.
 */
export async function writeParquetFile(
  store: Store,
  dir: string,
  base: string,
  select: string,
): Promise<ParquetFile> {
  const file = `${base}.parquet`;
  const tmp = join(dir, `${file}.tmp-${process.pid}-${++copies}`);
  await store.query(`COPY (${select}) TO '${tmp.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);
  const fh = await open(tmp, "r+");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, file));
  return { file, bytes: (await stat(join(dir, file))).size };
}
