import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { GroundTruthAnomaly, PresetName } from "../generators/index.ts";
import { STREAMS, STREAM_NAMES, type StreamName } from "../streams/index.ts";
import {
  MANIFEST_VERSION,
  readManifest,
  writeJsonFile,
  type DatasetManifest,
  type ManifestFile,
} from "./dataset-manifest.ts";
import { fileOf, isComplete, keptFiles, readTruth } from "./dataset-reuse.ts";
import { DEFAULT_SOURCES, type DatasetSources } from "./dataset-sources.ts";
import { FORMAT_NAMES, type FormatName } from "./formats.ts";
import { sortAnomalies } from "./sort-anomalies.ts";
import { VerifiedFiles } from "./verified-files.ts";
import { writeFormats } from "./write-formats.ts";

/** What {@link generateDataset} reports while it runs. */
export type DatasetProgress =
  | {
      readonly kind: "stream-start";
      readonly stream: StreamName;
      readonly formats: readonly FormatName[];
      /** About how many rows to expect, when the sources can tell. */
      readonly expectedRows: number | undefined;
    }
  | { readonly kind: "rows"; readonly stream: StreamName; readonly rows: number; readonly elapsedMs: number }
  | {
      /** Once per generated stream, when its last file is on disk: in finishing order, not stream order. */
      readonly kind: "stream-done";
      readonly stream: StreamName;
      readonly rows: number;
      readonly elapsedMs: number;
      readonly files: readonly ManifestFile[];
    }
  | { readonly kind: "stream-up-to-date"; readonly stream: StreamName; readonly rows: number };

/** Options of {@link generateDataset}. */
export interface GenerateDatasetOptions {
  readonly preset: PresetName;
  readonly seed: number;
  /** Output directory (created if missing). */
  readonly out: string;
  /** Default: every format. */
  readonly formats?: readonly FormatName[];
  /** Default: every stream that has a generator. */
  readonly streams?: readonly StreamName[];
  /** Regenerate even when dataset.json says the files are already there. */
  readonly force?: boolean;
  readonly onProgress?: (event: DatasetProgress) => void;
  /** Generators, sites and context; default the project's own. */
  readonly sources?: DatasetSources;
}

/** What a run did. */
export interface GenerateDatasetResult {
  readonly manifest: DatasetManifest;
  /** Streams whose generator ran (empty when everything was already up to date). */
  readonly generated: readonly StreamName[];
}

function checkOptions(o: GenerateDatasetOptions, sources: DatasetSources): StreamName[] {
  if (!Number.isSafeInteger(o.seed)) throw new Error(`seed: expected an integer, got ${o.seed}`);
  for (const f of o.formats ?? []) {
    if (!FORMAT_NAMES.includes(f)) throw new Error(`format: expected ${FORMAT_NAMES.join("|")}, got "${f}"`);
  }
  const available = STREAM_NAMES.filter((s) => sources.generators[s]);
  const wanted = o.streams ?? available;
  for (const s of wanted) {
    if (!available.includes(s)) {
      throw new Error(`stream "${s}": no generator for it (available: ${available.join(", ")})`);
    }
  }
  return STREAM_NAMES.filter((s) => wanted.includes(s));
}

/**
 * Generates a dataset: every stream in every format as `out/<stream>.<ext>`, plus
 * `ground-truth.json` (the labelled anomalies, sorted), `sites.json` (the reference sites) and
 * `dataset.json` (the manifest, written last). Same options → byte-identical files. A stream
 * whose files dataset.json lists and which are on disk unchanged (sha256) is not generated again,
 * so a second identical run only checks files (a file is re-hashed only if its size or mtime
 * changed since it was last hashed; see verified-files.ts).
 * @example
 * await generateDataset({ preset: "tiny", seed: 1, out: "data/tiny", formats: ["arrow", "parquet"] });
 */
export async function generateDataset(options: GenerateDatasetOptions): Promise<GenerateDatasetResult> {
  const sources = options.sources ?? DEFAULT_SOURCES;
  const streams = checkOptions(options, sources);
  const formats = FORMAT_NAMES.filter((f) => (options.formats ?? FORMAT_NAMES).includes(f));
  const { preset, seed, out } = options;
  const progress = options.onProgress ?? (() => undefined);
  await mkdir(out, { recursive: true });

  const previous = options.force ? undefined : await readManifest(out);
  const verified = await VerifiedFiles.load(out);
  if (previous && (await isComplete(previous, verified, preset, seed, formats, streams))) {
    await verified.save();
    for (const stream of streams) {
      progress({ kind: "stream-up-to-date", stream, rows: previous.streams[stream]?.rows ?? 0 });
    }
    return { manifest: previous, generated: [] };
  }

  const sites = sources.sites(seed);
  const span = sources.context({ preset, seed, sites });
  const start = new Date(span.start).toISOString();
  const reusable = previous?.preset === preset && previous.seed === seed && previous.start === start;
  const old = new Map((reusable ? previous.files : []).map((f) => [f.path, f]));
  const oldTruth: GroundTruthAnomaly[] = reusable ? await readTruth(out) : [];

  const truth: GroundTruthAnomaly[] = [];
  const rows: Partial<Record<StreamName, { rows: number }>> = {};
  const filesOf = new Map<StreamName, ManifestFile[]>();
  const generated: StreamName[] = [];
  const finishing: Promise<void>[] = [];
  for (const stream of streams) {
    const kept =
      reusable && previous.streams[stream] ? await keptFiles(verified, old, stream, formats) : undefined;
    if (kept) {
      const n = previous?.streams[stream]?.rows ?? 0;
      rows[stream] = { rows: n };
      filesOf.set(stream, kept);
      truth.push(...oldTruth.filter((a) => a.stream === stream));
      progress({ kind: "stream-up-to-date", stream, rows: n });
      continue;
    }
    generated.push(stream);
    const t0 = performance.now();
    const ctx = sources.context({ preset, seed, sites });
    progress({ kind: "stream-start", stream, formats, expectedRows: sources.estimateRows?.(stream, ctx) });
    const generate = sources.generators[stream] as NonNullable<DatasetSources["generators"][StreamName]>;
    const targets = formats.map((format) => ({ format, path: join(out, fileOf(stream, format)) }));
    const written = await writeFormats(STREAMS[stream], generate(ctx), targets, (n) =>
      progress({ kind: "rows", stream, rows: n, elapsedMs: performance.now() - t0 }),
    );
    truth.push(...ctx.groundTruth);
    rows[stream] = { rows: written.rows };
    // Finishing (Parquet's encoding, in DuckDB's threads) overlaps the next stream's generation.
    finishing.push(
      written.finished.then((results) => {
        const done = results.map((r) => ({
          path: fileOf(stream, r.format),
          bytes: r.bytes,
          sha256: r.sha256,
          stream,
          format: r.format,
        }));
        filesOf.set(stream, done);
        const elapsedMs = performance.now() - t0;
        progress({ kind: "stream-done", stream, rows: written.rows, elapsedMs, files: done });
      }),
    );
  }
  const failed = (await Promise.allSettled(finishing)).find((r) => r.status === "rejected");
  if (failed) throw failed.reason;

  const anomalies = sortAnomalies(truth);
  const truthFile = await writeJsonFile(join(out, "ground-truth.json"), anomalies);
  const sitesFile = await writeJsonFile(join(out, "sites.json"), sites, true);
  const manifest: DatasetManifest = {
    version: MANIFEST_VERSION,
    preset,
    seed,
    start,
    end: new Date(span.end).toISOString(),
    formats,
    streams: rows,
    anomalies: anomalies.length,
    files: [
      ...streams.flatMap((s) => filesOf.get(s) ?? []),
      { path: "ground-truth.json", bytes: truthFile.bytes, sha256: truthFile.sha256 },
      { path: "sites.json", bytes: sitesFile.bytes, sha256: sitesFile.sha256 },
    ],
  };
  await writeJsonFile(join(out, "dataset.json"), manifest);
  for (const f of manifest.files) await verified.record(f);
  await verified.save();
  return { manifest, generated };
}
