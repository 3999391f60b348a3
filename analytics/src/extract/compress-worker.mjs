// Worker thread of CompressPool: compresses one extract file into one content coding per
// message, off the main thread (zstd runs in WebAssembly, synchronously). Plain JavaScript so
// it runs without a TypeScript loader in the thread.
import { open, readFile, rename, unlink } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { compress, init } from "@bokuweb/zstd-wasm";

const ready = init();

/**
 * Levels chosen on a 7 MB Arrow extract: zstd 6 1.90 MB in 113 ms, brotli 5 1.86 MB in 203 ms
 * (brotli 9: 1.82 MB in 244 ms), gzip 6 for the clients that take neither.
 * @param {string} coding
 * @param {Uint8Array} bytes
 */
async function encode(coding, bytes) {
  if (coding === "zstd") {
    await ready;
    return compress(bytes, 6);
  }
  if (coding === "br") {
    return brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
  }
  if (coding === "gzip") return gzipSync(bytes, { level: 6 });
  throw new Error(`unknown content coding "${coding}"`);
}

/**
 * Writes `data` to `path` via a temp file, fsynced, then renamed: the steps of `writeFileAtomic`
 * (atomic-write.ts) but here, in the worker. Handing the bytes back for the main thread to write
 * was tried and measured: at the full preset it slowed a republish running meanwhile from ~250 ms
 * to ~480 ms (docs/architecture.md).
 */
async function writeDurably(path, data) {
  const tmp = `${path}.tmp-${Math.random().toString(36).slice(2)}`;
  const fh = await open(tmp, "wx", 0o644);
  try {
    await fh.writeFile(data);
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

parentPort?.on("message", async ({ id, source, coding, target }) => {
  try {
    const out = await encode(coding, await readFile(source));
    await writeDurably(target, out);
    parentPort?.postMessage({ id, bytes: out.length });
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
