import { compress, init } from "@bokuweb/zstd-wasm";

let ready: Promise<void> | undefined;

/**
 * Zstandard-compresses bytes with the reference library compiled to WebAssembly (Node 20's zlib
 * has no zstd). Chromium accepts `Content-Encoding: zstd`. Level 6 on a 7 MB Arrow extract:
 * 1.90 MB in 113 ms, against brotli-5 1.86 MB in 203 ms and level 9 1.82 MB in 244 ms.
 */
export async function zstdCompress(bytes: Uint8Array, level = 6): Promise<Uint8Array> {
  ready ??= init();
  await ready;
  return compress(bytes, level);
}
