import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GroundTruthAnomaly } from "../generators/index.ts";
import { DEFAULT_SOURCES, type DatasetSources } from "./dataset-sources.ts";
import { generateDataset, type DatasetProgress } from "./generate-dataset.ts";
import { STREAMS, STREAM_NAMES } from "../streams/index.ts";
import { expectedRows, readArrow, readCsv, readNdjson, readParquet } from "./read-back.test-util.ts";
import { energyBatches } from "./sample-batches.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "citybrain-dataset-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function hashes(path: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // Dotfiles (the local verification cache) are not part of the dataset.
  for (const name of (await readdir(path)).filter((n) => !n.startsWith(".")).sort()) {
    out[name] = createHash("sha256")
      .update(await readFile(join(path, name)))
      .digest("hex");
  }
  return out;
}

/** Deep equality of many rows, fast when equal; on a difference, shows the first differing row. */
function sameRows(actual: Record<string, unknown>[], expected: Record<string, unknown>[], what: string) {
  expect(actual.length, what).toBe(expected.length);
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  const i = actual.findIndex((row, k) => JSON.stringify(row) !== JSON.stringify(expected[k]));
  expect(actual[i], `${what}, row ${i + 1}`).toEqual(expected[i]);
}

describe("generateDataset (tiny preset, real generators)", () => {
  it("writes every stream in every format, the ground truth, the sites and the manifest", async () => {
    const out = join(dir, "a");
    const events: DatasetProgress[] = [];
    const { manifest, generated } = await generateDataset({
      preset: "tiny",
      seed: 1,
      out,
      onProgress: (e) => events.push(e),
    });
    const streams = Object.keys(DEFAULT_SOURCES.generators);
    expect(generated).toEqual(streams);
    const names = (await readdir(out)).sort();
    const expected = streams.flatMap((s) => ["arrows", "csv", "ndjson", "parquet"].map((x) => `${s}.${x}`));
    expect(names).toEqual(
      [...expected, ".dataset-verified.json", "dataset.json", "ground-truth.json", "sites.json"].sort(),
    );
    const sums = await hashes(out);
    for (const f of manifest.files) expect(sums[f.path], f.path).toBe(f.sha256);
    const truth = JSON.parse(await readFile(join(out, "ground-truth.json"), "utf8")) as GroundTruthAnomaly[];
    expect(truth.length).toBe(manifest.anomalies);
    expect(truth.length).toBeGreaterThan(0);
    const keys = truth.map((a) => `${a.stream}|${String(a.start).padStart(15, "0")}`);
    expect(keys).toEqual([...keys].sort());
    // Each stream is reported done once, in the order the streams finish: Parquet's encoding
    // overlaps the next stream's generation, so a loaded machine may finish them out of order.
    const done = events.filter((e) => e.kind === "stream-done").map((e) => e.stream);
    expect([...done].sort()).toEqual([...streams].sort());
    for (const s of streams) expect(manifest.streams[s as "energy"]?.rows).toBeGreaterThan(0);
  });

  it("every stream's files read back to exactly the generator's rows, in every format", async () => {
    const out = join(dir, "a");
    const sites = DEFAULT_SOURCES.sites(1);
    for (const stream of STREAM_NAMES) {
      const generate = DEFAULT_SOURCES.generators[stream];
      if (!generate) continue;
      const expected = expectedRows(
        STREAMS[stream],
        generate(DEFAULT_SOURCES.context({ preset: "tiny", seed: 1, sites })),
      );
      sameRows(await readArrow(STREAMS[stream], join(out, `${stream}.arrows`)), expected, `${stream}.arrows`);
      sameRows(
        await readParquet(STREAMS[stream], join(out, `${stream}.parquet`)),
        expected,
        `${stream}.parquet`,
      );
      sameRows(await readCsv(STREAMS[stream], join(out, `${stream}.csv`)), expected, `${stream}.csv`);
      sameRows(
        await readNdjson(STREAMS[stream], join(out, `${stream}.ndjson`)),
        expected,
        `${stream}.ndjson`,
      );
    }
  });

  it("gives byte-identical files for the same seed, and a no-op on a second run", async () => {
    const a = join(dir, "a");
    const b = join(dir, "b");
    await generateDataset({ preset: "tiny", seed: 1, out: b });
    expect(await hashes(b)).toEqual(await hashes(a));

    const before = (await stat(join(b, "dataset.json"))).mtimeMs;
    let calls = 0;
    const counting: DatasetSources = {
      ...DEFAULT_SOURCES,
      sites: (seed) => {
        calls++;
        return DEFAULT_SOURCES.sites(seed);
      },
    };
    const again = await generateDataset({ preset: "tiny", seed: 1, out: b, sources: counting });
    expect(again.generated).toEqual([]);
    expect(calls).toBe(0); // not even the sites were built: only the files were hashed
    expect((await stat(join(b, "dataset.json"))).mtimeMs).toBe(before);
  });

  it("regenerates only the stream whose file changed, to the same bytes", async () => {
    const b = join(dir, "b");
    const good = await hashes(b);
    await writeFile(join(b, "septic.csv"), "tampered\n");
    const { generated } = await generateDataset({ preset: "tiny", seed: 1, out: b });
    expect(generated).toEqual(["septic"]);
    expect(await hashes(b)).toEqual(good);
    // Same size, new contents: the mtime changed, so the file is hashed again and caught.
    const csv = await readFile(join(b, "energy.csv"));
    csv[csv.length - 2] = csv[csv.length - 2] === 0x31 ? 0x32 : 0x31;
    await writeFile(join(b, "energy.csv"), csv);
    expect((await generateDataset({ preset: "tiny", seed: 1, out: b })).generated).toEqual(["energy"]);
    expect(await hashes(b)).toEqual(good);
  });

  it("starts over for another seed", async () => {
    const c = join(dir, "c");
    await generateDataset({ preset: "tiny", seed: 1, out: c, formats: ["arrow"], streams: ["energy"] });
    const { generated, manifest } = await generateDataset({
      preset: "tiny",
      seed: 2,
      out: c,
      formats: ["arrow"],
      streams: ["energy"],
    });
    expect(generated).toEqual(["energy"]);
    expect(manifest.seed).toBe(2);
    expect(manifest.files.map((f) => f.path)).toEqual(["energy.arrows", "ground-truth.json", "sites.json"]);
  });
});

describe("generateDataset failures", () => {
  const failing: DatasetSources = {
    ...DEFAULT_SOURCES,
    generators: {
      energy: function* () {
        yield* energyBatches(5000, 1000, 10);
        throw new Error("generator broke at row 5000");
      },
    },
  };

  it("leaves no stream file, temp file or manifest when a generator throws", async () => {
    const out = join(dir, "failing");
    await expect(generateDataset({ preset: "tiny", seed: 1, out, sources: failing })).rejects.toThrow(
      "generator broke",
    );
    expect(await readdir(out)).toEqual([]);
  });

  it("names what is wrong with its options", async () => {
    const out = join(dir, "bad");
    await expect(
      generateDataset({ preset: "tiny", seed: 1, out, streams: ["air"], sources: failing }),
    ).rejects.toThrow('stream "air": no generator for it (available: energy)');
    await expect(generateDataset({ preset: "tiny", seed: 1.5, out })).rejects.toThrow(
      "seed: expected an integer, got 1.5",
    );
  });
});
