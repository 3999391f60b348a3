import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompress, constants, gzip } from "node:zlib";
import { promisify } from "node:util";
import type { Plugin } from "vite";

const gz = promisify(gzip);
const br = promisify(brotliCompress);
// Fonts (woff/woff2) are compressed already.
const COMPRESSIBLE = /\.(js|mjs|css|html|wasm|json|svg|txt)$/;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * Writes `.gz` and `.br` siblings of compressible build outputs over 1 KiB, for a server that
 * serves precompressed files (the server's screen route does). Brotli quality 9 keeps a
 * build of the 34 MB DuckDB wasm within seconds; quality 11 costs a minute for 3 % less.
 *
 * @example plugins: [precompress()]
 */
export function precompress(options: { minBytes?: number; brotliQuality?: number } = {}): Plugin {
  const minBytes = options.minBytes ?? 1024;
  const quality = options.brotliQuality ?? 9;
  let outDir = "dist";
  return {
    name: "citybrain-precompress",
    // Not in test builds (the browser test builds to a temporary folder and needs no siblings).
    apply: (_config, env) => env.command === "build" && env.mode !== "test",
    configResolved(config) {
      outDir = config.build.outDir.startsWith("/")
        ? config.build.outDir
        : join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const jobs: Promise<void>[] = [];
      for await (const path of walk(outDir)) {
        if (!COMPRESSIBLE.test(path) || (await stat(path)).size < minBytes) continue;
        jobs.push(
          (async () => {
            const data = await readFile(path);
            const [g, b] = await Promise.all([
              gz(data, { level: 9 }),
              br(data, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: quality,
                  [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
                },
              }),
            ]);
            await Promise.all([writeFile(`${path}.gz`, g), writeFile(`${path}.br`, b)]);
          })(),
        );
      }
      await Promise.all(jobs);
    },
  };
}
