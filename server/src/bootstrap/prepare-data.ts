import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  DEFAULT_EXTRACTS,
  DuckDBStore,
  loadSites,
  loadTowns,
  publishExtractsStaged,
  type Manifest,
} from "@citybrain/analytics";
import { STREAM_NAMES, type PresetName } from "@citybrain/datasets";
import { generateDataset } from "@citybrain/datasets/output";
import { TOWNS, generateSites } from "@citybrain/datasets/reference";
import { markDemoStore } from "../simulate/index.ts";

/** Where a prepared data directory keeps its parts. */
export interface DataPaths {
  readonly dataset: string;
  readonly database: string;
  readonly extracts: string;
}

/** The layout of a data directory. */
export function dataPaths(dataDir: string): DataPaths {
  const root = resolve(dataDir);
  return {
    dataset: join(root, "dataset"),
    database: join(root, "citybrain.duckdb"),
    extracts: join(root, "extracts"),
  };
}

/**
 * Makes a data directory ready to serve: generates the preset's dataset when absent, loads it
 * into the store (idempotent: each file's batch id is its checksum) and publishes extracts.
 */
export async function prepareData(options: {
  readonly preset: PresetName;
  readonly seed: number;
  readonly dataDir: string;
  readonly log: (message: string) => void;
}): Promise<{ store: DuckDBStore; manifest: Manifest; paths: DataPaths }> {
  const paths = dataPaths(options.dataDir);
  const started = Date.now();
  options.log(`准备数据 preparing ${options.preset} dataset (seed ${options.seed}) in ${paths.dataset}`);
  await generateDataset({
    preset: options.preset,
    seed: options.seed,
    out: paths.dataset,
    formats: ["parquet"],
    onProgress: (e) => {
      if (e.kind === "stream-done") {
        const rate = e.elapsedMs > 0 ? Math.round((e.rows / e.elapsedMs) * 1000).toLocaleString("en") : "—";
        options.log(
          `  generated ${e.stream}: ${e.rows.toLocaleString("en")} rows in ${(e.elapsedMs / 1000).toFixed(1)} s (${rate} rows/s)`,
        );
      }
    },
  });
  const store = await DuckDBStore.open({ path: paths.database });
  for (const stream of STREAM_NAMES) {
    const file = join(paths.dataset, `${stream}.parquet`);
    if (!existsSync(file)) continue;
    const sum = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 24);
    const r = await store.loadParquet(stream, [file], { batchId: `dataset:${stream}:${sum}` });
    if (!r.replayed) options.log(`  loaded ${stream}: ${r.accepted.toLocaleString("en")} rows`);
  }
  // Everything loaded here is generated demo data: the live feed may write into this store.
  await markDemoStore(store, { preset: options.preset, seed: options.seed });
  await loadTowns(
    store,
    TOWNS.map((t) => ({ code: t.code, name: t.name, kind: t.kind, lon: t.seat[0], lat: t.seat[1] })),
  );
  await loadSites(store, generateSites({ seed: options.seed }));
  // Serve as soon as the Arrow files are in place; compressed and Parquet siblings follow in
  // the background (the manifest lists each as it lands; the server's publisher stops them on
  // shutdown).
  const staged = await publishExtractsStaged(store, paths.extracts, DEFAULT_EXTRACTS);
  const manifest = staged.manifest;
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  options.log(`数据就绪 data ready: extracts v${manifest.version} in ${seconds()} s`);
  staged.finished.then(
    (m) => options.log(`  extracts v${m.version}: compressed and Parquet siblings written at ${seconds()} s`),
    (e: Error) => options.log(`  extracts: writing compressed or Parquet siblings failed: ${e.message}`),
  );
  return { store, manifest, paths };
}
