import { defineConfig } from "vite";
import { precompress } from "./build/precompress-plugin.ts";

// One bundle for the wall: DuckDB-WASM's `eh` build only (wasm + worker come in through `?url`
// imports in src/query/duckdb-wasm-bundle.ts and get hashed names under dist/assets/).
export default defineConfig({
  base: "/",
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2500,
    reportCompressedSize: false,
  },
  optimizeDeps: { exclude: ["@duckdb/duckdb-wasm"] },
  plugins: [precompress()],
});
