import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Command } from "commander";
import {
  DEFAULT_EXTRACTS,
  DuckDBStore,
  formatFromFileName,
  publishExtracts,
  type IngestResult,
} from "@citybrain/analytics";
import { STREAM_NAMES, formatRowError, type StreamName } from "@citybrain/datasets";
import { main as generateMain } from "@citybrain/datasets/cli";
import { dataPaths } from "../bootstrap/prepare-data.ts";
import { log } from "./log.ts";

async function openStore(dataDir: string): Promise<DuckDBStore> {
  try {
    return await DuckDBStore.open({ path: dataPaths(dataDir).database });
  } catch (e) {
    const msg = (e as Error).message;
    if (/lock/i.test(msg)) {
      throw new Error(
        `the store ${dataPaths(dataDir).database} is in use (is "citybrain serve" running on it?): ${msg}`,
      );
    }
    throw e;
  }
}

/** Adds `generate`, `ingest`, `rebuild` and `bench` to the CLI. */
export function addDataCommands(cli: Command): void {
  cli
    .command("bench")
    .description(
      "run every package's benchmarks (generation, ingest, precompute, extracts, server, vision); prints ratios and writes docs/benchmarks/*.json",
    )
    .action(async () => {
      const root = fileURLToPath(new URL("../../../", import.meta.url));
      const code = await new Promise<number>((resolveExit) => {
        const child = spawn("npm", ["run", "bench"], { cwd: root, stdio: "inherit" });
        child.on("exit", (c) => resolveExit(c ?? 1));
        child.on("error", () => resolveExit(1));
      });
      process.exitCode = code;
    });

  cli
    .command("generate")
    .description("generate a dataset (run `citybrain generate --help` for its options)")
    .helpOption(false)
    .allowUnknownOption(true)
    .argument("[args...]")
    .action(async (args: string[]) => {
      process.exitCode = await generateMain(args);
    });

  cli
    .command("ingest <file>")
    .description("ingest a CSV, NDJSON, Arrow or Parquet file into a stream (idempotent by batch id)")
    .requiredOption("--stream <name>", `one of ${STREAM_NAMES.join(", ")}`)
    .option("--data <dir>", "data directory", "data/demo")
    .option("--batch-id <id>", "batch id (default: the file's name and checksum)")
    .option("--quarantine", "keep bad rows aside and write the rest (default: reject the file)")
    .action(
      async (file: string, o: { stream: string; data: string; batchId?: string; quarantine?: boolean }) => {
        if (!(STREAM_NAMES as readonly string[]).includes(o.stream)) {
          throw new Error(`--stream: expected one of ${STREAM_NAMES.join(", ")}, got "${o.stream}"`);
        }
        const format = formatFromFileName(file);
        if (!format)
          throw new Error(
            `${file}: cannot tell the format from the name (expected .csv, .ndjson, .jsonl, .arrow, .arrows or .parquet)`,
          );
        const bytes = await readFile(file);
        const batchId =
          o.batchId ?? `${basename(file)}:${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}`;
        const options = { batchId, onBadRows: o.quarantine ? ("quarantine" as const) : ("reject" as const) };
        const store = await openStore(o.data);
        const stream = o.stream as StreamName;
        try {
          log(`ingesting ${file} (${format}, ${(bytes.length / 1e6).toFixed(1)} MB) into ${stream}…`);
          const started = Date.now();
          let result: IngestResult;
          try {
            result =
              format === "arrow"
                ? await store.ingestArrow(stream, bytes, options)
                : await store.ingestFile(stream, file, format, options);
          } catch (e) {
            const errors = (e as { errors?: Parameters<typeof formatRowError>[0][] }).errors;
            if (errors)
              throw new Error(
                `rejected, nothing written:\n  ${errors.slice(0, 20).map(formatRowError).join("\n  ")}`,
              );
            throw e;
          }
          if (result.replayed) log(`batch ${batchId} was ingested before: nothing to do`);
          else {
            log(
              `accepted ${result.accepted.toLocaleString("en")} rows, quarantined ${result.rejected} in ${Date.now() - started} ms`,
            );
            const m = await publishExtracts(store, dataPaths(o.data).extracts, DEFAULT_EXTRACTS);
            log(`extracts published as v${m.version}`);
          }
        } finally {
          await store.close();
        }
      },
    );

  cli
    .command("rebuild")
    .description("rebuild every rollup from the base tables and republish the extracts")
    .option("--data <dir>", "data directory", "data/demo")
    .action(async (o: { data: string }) => {
      const store = await openStore(o.data);
      try {
        let t = Date.now();
        await store.rebuildRollups();
        log(`rollups rebuilt in ${Date.now() - t} ms`);
        t = Date.now();
        const m = await publishExtracts(store, join(dataPaths(o.data).extracts), DEFAULT_EXTRACTS);
        log(`extracts v${m.version} published in ${Date.now() - t} ms`);
      } finally {
        await store.close();
      }
    });
}
