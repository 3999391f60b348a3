import { parseArgs } from "node:util";
import type { PresetName } from "../generators/index.ts";
import { FORMATS, FORMAT_NAMES, type FormatName } from "../output/formats.ts";
import { STREAM_NAMES, type StreamName } from "../streams/index.ts";

const PRESET_NAMES: readonly PresetName[] = ["tiny", "demo", "full"];

/** A command line that cannot be run; the message says which argument and why. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** What `generate` was asked to do. */
export interface GenerateArgs {
  readonly help: boolean;
  readonly preset: PresetName;
  readonly seed: number;
  readonly out: string;
  readonly formats: readonly FormatName[];
  /** `undefined`: every stream that has a generator. */
  readonly streams: readonly StreamName[] | undefined;
  readonly force: boolean;
}

/** The `--help` text. */
export function generateUsage(): string {
  const formats = FORMAT_NAMES.map(
    (f) => `      ${f.padEnd(8)} .${FORMATS[f].ext.padEnd(8)} ${FORMATS[f].doc}`,
  );
  return [
    "Usage: generate [--preset tiny|demo|full] [--seed N] [--out DIR] [--format LIST] [--streams LIST] [--force]",
    "",
    "Generates the synthetic Tongnan city-brain dataset: every stream as DIR/<stream>.<ext>, plus",
    "ground-truth.json (labelled anomalies), sites.json (reference sites) and dataset.json (manifest).",
    "Same preset and seed give byte-identical files; rerunning with the same arguments is a no-op.",
    "",
    "Options:",
    "  --preset NAME    tiny (2 days), demo (90 days) or full (1 year); default demo",
    "  --seed N         integer seed, 0 or more; default 1",
    "  --out DIR        output directory (created if missing); default data",
    "  --format LIST    comma-separated formats; default all:",
    ...formats,
    `  --streams LIST   comma-separated streams; default all that have a generator (${STREAM_NAMES.join(", ")})`,
    "  --force          regenerate even if dataset.json says the files are there",
    "  -h, --help       show this help",
    "",
    "Example: generate --preset demo --seed 1 --out data/ --format arrow,parquet --streams energy,septic",
  ].join("\n");
}

function list<T extends string>(flag: string, text: string, allowed: readonly T[]): T[] {
  const items = text.split(",").map((s) => s.trim());
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new UsageError(`${flag}: expected a comma-separated list of ${allowed.join("|")}, got "${item}"`);
    }
  }
  return allowed.filter((a) => items.includes(a));
}

/**
 * Parses and checks `generate`'s arguments. Throws {@link UsageError} naming the argument, what
 * it expects and what it got, e.g. `--preset: expected tiny|demo|full, got "huge"`.
 */
export function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        preset: { type: "string", default: "demo" },
        seed: { type: "string", default: "1" },
        out: { type: "string", default: "data" },
        format: { type: "string" },
        streams: { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (e) {
    // node:util's messages run over several lines; keep the first and say how to pass "-3".
    const message = (e as Error).message;
    const first = message.split("\n")[0] ?? message;
    const flag = /'(--[a-z]+)'/.exec(first)?.[1];
    const hint =
      /ambiguous/.test(first) && flag ? ` (write ${flag}=VALUE for a value starting with "-")` : "";
    throw new UsageError(first + hint);
  }
  const preset = values.preset;
  if (!(PRESET_NAMES as readonly string[]).includes(preset)) {
    throw new UsageError(`--preset: expected ${PRESET_NAMES.join("|")}, got "${preset}"`);
  }
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) {
    throw new UsageError(
      `--seed: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got "${values.seed}"`,
    );
  }
  if (values.out.trim() === "") throw new UsageError(`--out: expected a directory, got ""`);
  return {
    help: values.help,
    preset: preset as PresetName,
    seed,
    out: values.out,
    formats: values.format === undefined ? FORMAT_NAMES : list("--format", values.format, FORMAT_NAMES),
    streams: values.streams === undefined ? undefined : list("--streams", values.streams, STREAM_NAMES),
    force: values.force,
  };
}
