import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES } from "../output/dataset-sources.ts";
import { main, type CliIO } from "./generate.ts";

function capture(): CliIO & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    out: () => out,
    err: () => err,
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "citybrain-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("generate CLI arguments", () => {
  it.each([
    [["--preset", "huge"], '--preset: expected tiny|demo|full, got "huge"'],
    [["--seed", "abc"], '--seed: expected a whole number from 0 to 9007199254740991, got "abc"'],
    [["--seed=-3"], '--seed: expected a whole number from 0 to 9007199254740991, got "-3"'],
    [
      ["--seed", "-3"],
      "Option '--seed' argument is ambiguous. (write --seed=VALUE for a value starting with \"-\")",
    ],
    [
      ["--format", "arrow,xls"],
      '--format: expected a comma-separated list of arrow|parquet|csv|ndjson, got "xls"',
    ],
    [
      ["--streams", "energy,water"],
      '--streams: expected a comma-separated list of energy|traffic|septic|air|cases|credit|exchange|alerts, got "water"',
    ],
    [["--out", ""], '--out: expected a directory, got ""'],
    [["--preset"], "Option '--preset <value>' argument missing"],
    [["--bogus"], "Unknown option '--bogus'"],
    [["extra"], "Unexpected argument 'extra'. This command does not take positional arguments"],
  ])("%j → exit 2: %s", async (argv, message) => {
    const io = capture();
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toBe(`generate: ${message}\nRun "generate --help" for usage.\n`);
    expect(io.out()).toBe("");
  });

  it("refuses a stream that has no generator, naming those that do", async () => {
    const io = capture();
    const sources = { ...DEFAULT_SOURCES, generators: { energy: DEFAULT_SOURCES.generators.energy } };
    expect(await main(["--streams", "septic"], io, sources)).toBe(2);
    expect(io.err()).toContain('--streams: no generator yet for "septic" (available: energy)');
  });

  it("prints help", async () => {
    const io = capture();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.out()).toContain("Usage: generate [--preset tiny|demo|full]");
    expect(io.out()).toContain("parquet  .parquet");
  });
});

describe("generate CLI run", () => {
  it("off a terminal, prints only one summary line per stream", async () => {
    const out = join(dir, "tiny");
    const argv = [
      "--preset",
      "tiny",
      "--seed",
      "3",
      "--out",
      out,
      "--format",
      "arrow,csv",
      "--streams",
      "energy",
    ];
    const io = capture();
    expect(await main(argv, io)).toBe(0);
    expect(io.err()).toBe("");
    expect(io.out()).toMatch(
      /^energy +[\d,]+ rows in +[\d.]+ s \([\d,]+ rows\/s\): energy\.arrows [\d.]+ kB, energy\.csv [\d.]+ kB\n$/,
    );
    expect((await readdir(out)).sort()).toEqual([
      ".dataset-verified.json",
      "dataset.json",
      "energy.arrows",
      "energy.csv",
      "ground-truth.json",
      "sites.json",
    ]);
    const again = capture();
    expect(await main(argv, again)).toBe(0);
    expect(again.out()).toMatch(/^energy +up to date \([\d,]+ rows\)\n$/);
  });

  it("runs as a script (tsx) and exits 2 with the message on a bad argument", () => {
    const script = join(dirname(fileURLToPath(import.meta.url)), "generate.ts");
    const r = spawnSync(process.execPath, ["--import", "tsx", script, "--preset", "huge"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('generate: --preset: expected tiny|demo|full, got "huge"');
  });
});
