/**
 * `generate`: writes the synthetic dataset (see docs/datasets-cli.md).
 * Run with `npm run generate -w datasets -- --preset demo --seed 1 --out data/`.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_SOURCES, type DatasetSources } from "../output/dataset-sources.ts";
import { generateDataset } from "../output/generate-dataset.ts";
import { STREAM_NAMES } from "../streams/index.ts";
import { UsageError, generateUsage, parseGenerateArgs } from "./generate-args.ts";
import { progressView, type Output } from "./progress-view.ts";

/** Where `main` writes; the process's own streams by default. */
export interface CliIO {
  readonly stdout: Output;
  readonly stderr: Output;
}

/**
 * Runs `generate` with `argv` (without node and script) and returns the exit code: 0 done,
 * 1 the run failed, 2 the arguments were wrong (the message says which and why).
 * @example
 * process.exitCode = await main(["--preset", "tiny", "--out", "data/tiny"]);
 */
export async function main(
  argv: readonly string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr },
  sources: DatasetSources = DEFAULT_SOURCES,
): Promise<number> {
  let args;
  try {
    args = parseGenerateArgs(argv);
    const available = STREAM_NAMES.filter((s) => sources.generators[s]);
    const missing = args.streams?.find((s) => !available.includes(s));
    if (missing) {
      throw new UsageError(
        `--streams: no generator yet for "${missing}" (available: ${available.join(", ")})`,
      );
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`generate: ${e.message}\nRun "generate --help" for usage.\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${generateUsage()}\n`);
    return 0;
  }
  const view = progressView(io.stdout);
  try {
    await generateDataset({
      preset: args.preset,
      seed: args.seed,
      out: resolve(args.out),
      formats: args.formats,
      ...(args.streams ? { streams: args.streams } : {}),
      force: args.force,
      onProgress: view.onProgress,
      sources,
    });
    view.stop();
    return 0;
  } catch (e) {
    view.stop();
    io.stderr.write(`generate: ${(e as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
