import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { streamDef, type StreamName } from "@citybrain/datasets";
import {
  generateAir,
  generateEnergy,
  generateSeptic,
  generateTraffic,
  type GeneratorContext,
  type GeneratorSites,
} from "@citybrain/datasets/generators";
import { writeStreamFile } from "@citybrain/datasets/output";
import { DuckDBStore } from "../store/duckdb-store.ts";
import type { GridStreamName } from "./stream-sites.ts";

const GENERATE = {
  energy: generateEnergy,
  septic: generateSeptic,
  air: generateAir,
  traffic: generateTraffic,
};

/**
 * Runs the real generators of `streams` on `ctx` (filling `ctx.groundTruth`) and loads their
 * output into a fresh in-memory store, the way the server does: Parquet files, then
 * `loadParquet`. For the scoring test and the anomaly benchmark.
 */
export async function storeWithGenerated(
  ctx: GeneratorContext<GeneratorSites>,
  streams: readonly GridStreamName[],
  store?: DuckDBStore,
): Promise<DuckDBStore> {
  const db = store ?? (await DuckDBStore.open({ path: ":memory:" }));
  const dir = await mkdtemp(join(tmpdir(), "citybrain-anomaly-"));
  try {
    for (const stream of streams) {
      const file = join(dir, `${stream}.parquet`);
      await writeStreamFile(streamDef(stream as StreamName), "parquet", GENERATE[stream](ctx), file);
      await db.loadParquet(stream, [file], { batchId: `generated:${ctx.preset}:${ctx.seed}:${stream}` });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return db;
}
