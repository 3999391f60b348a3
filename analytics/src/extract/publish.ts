import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { StreamName } from "@citybrain/datasets";
import type { Store } from "../store/store.ts";
import type { ExtractDef } from "./extract-defs.ts";
import { ExtractFinisher, type FinishRequest, type ParquetSource } from "./extract-finisher.ts";
import type { Manifest, ManifestEntry } from "./manifest.ts";
import { readManifest, withManifestLock, writeManifest } from "./manifest-lock.ts";
import { parquetFromDefinition } from "./parquet-fallback.ts";
import { publishExtract, type Reuse } from "./publish-extract.ts";
import { dataThrough } from "./data-through.ts";
import { carryForward } from "./sibling-files.ts";
import { SITES_TABLE_SQL } from "./sites-table.ts";
import { PendingSync, StageClock, type Stage } from "./stage-clock.ts";

export { readManifest };

/** What {@link publishExtracts} reports per extract. */
export interface ExtractTiming {
  readonly name: string;
  /** Time to its Arrow files (siblings are written after the manifest is published). */
  readonly ms: number;
  /** `all`: every file linked from the previous version; `some`: some months of a partitioned one. */
  readonly reused: Reuse;
  readonly rows: number;
  readonly bytes: number;
  /** Milliseconds per stage (see `StageClock`). */
  readonly stages: Readonly<Record<Stage, number>>;
}

/** One sibling written in the background, for {@link PublishOptions.onSibling}. */
export interface SiblingTiming {
  /** The Arrow file it belongs to. */
  readonly file: string;
  readonly sibling: "zstd" | "br" | "gzip" | "parquet";
  readonly ms: number;
  readonly bytes: number;
}

/** Options of {@link publishExtracts}. */
export interface PublishOptions {
  /**
   * Streams written since the previous publish. When given, an extract that declares its
   * `streams` and reads none of these is not recomputed: its previous files are hard-linked
   * (copied where linking fails) into the new version. Omit it (or after changing reference
   * tables such as `sites` and `towns`) to recompute everything.
   * @example publishExtracts(store, root, DEFAULT_EXTRACTS, { changedStreams: ["septic"] })
   */
  readonly changedStreams?: readonly StreamName[];
  /**
   * Epoch-ms time range written per changed stream (an ingest's `timeRange`). A partitioned
   * extract then recomputes only the months from the first to the last touched one; without a
   * range for each of its changed streams it recomputes every month.
   */
  readonly changedRanges?: Readonly<Partial<Record<StreamName, readonly [number, number]>>>;
  /** Write a Parquet (ZSTD) sibling of every Arrow file (default true). */
  readonly parquet?: boolean;
  /** Called after each extract's Arrow files are written, e.g. to log timings. */
  readonly onExtract?: (timing: ExtractTiming) => void;
  /** Called after each sibling this publish queued is written in the background. */
  readonly onSibling?: (timing: SiblingTiming) => void;
}

/** A published version whose siblings are still being written. */
export interface StagedPublish {
  /** The manifest as published: Arrow files listed, siblings as far as they exist. */
  readonly manifest: Manifest;
  /**
   * Resolves with the current manifest once every sibling of this version's files is written
   * and listed (or skipped because a newer version replaced the file); rejects when one failed.
   */
  readonly finished: Promise<Manifest>;
  /** Milliseconds to fsync the new files and to swap the manifest (and remove old versions). */
  readonly stages: { readonly sync: number; readonly commit: number };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function checkDefs(defs: readonly ExtractDef[]): void {
  const seen = new Set<string>();
  for (const d of defs) {
    if (!NAME.test(d.name))
      throw new Error(`extract name "${d.name}": expected an identifier (letters, digits, _)`);
    if (seen.has(d.name)) throw new Error(`extract "${d.name}" is defined twice`);
    if (d.partitionBy && !d.timeColumn)
      throw new Error(`extract "${d.name}": partitionBy "${d.partitionBy}" needs a timeColumn`);
    if (d.incremental && !d.timeColumn)
      throw new Error(`extract "${d.name}": incremental "${d.incremental}" needs a timeColumn`);
    seen.add(d.name);
  }
}

/**
 * Computes the extracts and publishes them as a new manifest version, Arrow files first: they
 * go to a fresh `v<N>/` directory, then the manifest is replaced atomically and returned. Their
 * precompressed (zstd, br, gzip) and Parquet siblings follow in the background
 * ({@link ExtractFinisher}), each listed in the manifest as it lands; `finished` says when all
 * are. The previous version stays on disk so clients mid-download can finish; older ones are
 * removed. With `changedStreams`, extracts of other streams reuse the previous version's files.
 * One process publishes a root at a time (the server's `ExtractPublisher`).
 * @example
 * const { manifest, finished } = await publishExtractsStaged(store, "data/extracts", DEFAULT_EXTRACTS);
 */
export async function publishExtractsStaged(
  store: Store,
  root: string,
  defs: readonly ExtractDef[],
  options: PublishOptions = {},
): Promise<StagedPublish> {
  checkDefs(defs);
  await mkdir(root, { recursive: true });
  const previous = await readManifest(root);
  const version = (previous?.version ?? 0) + 1;
  const dir = `v${version}`;
  await rm(join(root, dir), { recursive: true, force: true });
  await mkdir(join(root, dir), { recursive: true });
  await store.query(SITES_TABLE_SQL); // extracts join it even before loadSites ran
  const through = await dataThrough(store, previous, options.changedStreams, options.changedRanges);
  const parquet = options.parquet ?? true;
  const sync = new PendingSync();
  const base = {
    store,
    dir: join(root, dir),
    previousDir: previous ? join(root, previous.dir) : null,
    parquet,
    sync,
  };
  const extracts: ManifestEntry[] = [];
  const sources = new Map<string, ParquetSource>();
  try {
    for (const def of defs) {
      const started = performance.now();
      const prior = previous?.extracts.find((e) => e.name === def.name);
      const clock = new StageClock();
      const done = await publishExtract({ ...base, clock }, def, prior, options);
      extracts.push(done.entry);
      for (const [file, src] of done.sources) sources.set(file, src);
      const total = (k: "rows" | "bytes") => (done.entry.parts ?? [done.entry]).reduce((s, p) => s + p[k], 0);
      options.onExtract?.({
        name: def.name,
        ms: performance.now() - started,
        reused: done.reused,
        rows: total("rows"),
        bytes: total("bytes"),
        stages: clock.ms,
      });
    }
  } catch (e) {
    for (const src of sources.values()) await src.release?.();
    throw e;
  }
  const draft: Manifest = { version, generatedAt: new Date().toISOString(), through, dir, extracts };
  let t = performance.now();
  let syncMs = 0;
  let manifest: Manifest;
  try {
    await sync.flush(join(root, dir));
    syncMs = performance.now() - t;
    t = performance.now();
    manifest = await withManifestLock(root, async () => {
      // Siblings the previous version gained in the background since it was read come along.
      const current = await readManifest(root);
      const m = await carryForward(root, current, draft, parquet);
      await writeManifest(root, m);
      const keep = new Set([dir, current?.dir]);
      for (const entry of await readdir(root)) {
        if (/^v\d+$/.test(entry) && !keep.has(entry))
          await rm(join(root, entry), { recursive: true, force: true }).catch(() => undefined); // next time
      }
      return m;
    });
  } catch (e) {
    for (const src of sources.values()) await src.release?.();
    throw e;
  }
  const commitMs = performance.now() - t;
  const requests = finishRequests(store, manifest, defs, sources, parquet, options.onSibling);
  const finished = ExtractFinisher.of(root)
    .finish(requests)
    .then(async () => (await readManifest(root)) ?? manifest);
  finished.catch(() => undefined); // the caller may not wait; it still sees the rejection if it does
  return { manifest, finished, stages: { sync: syncMs, commit: commitMs } };
}

/** One request per distinct Arrow file of `m` (an entry repeats its newest part). */
function finishRequests(
  store: Store,
  m: Manifest,
  defs: readonly ExtractDef[],
  sources: ReadonlyMap<string, ParquetSource>,
  parquet: boolean,
  onDone?: PublishOptions["onSibling"],
): FinishRequest[] {
  const out = new Map<string, FinishRequest>();
  for (const e of m.extracts) {
    const def = defs.find((d) => d.name === e.name);
    const files = e.parts?.length ? e.parts : [e];
    for (const f of files) {
      const key = `${f.file}:${f.sha256}`;
      if (out.has(key)) continue;
      const src =
        sources.get(f.file) ??
        (parquet && def && !f.parquet ? parquetFromDefinition(store, def, f) : undefined);
      out.set(key, {
        file: f,
        firstPaint: e.role !== "drill-down",
        ...(src && { parquet: src }),
        ...(onDone && { onDone }),
      });
    }
  }
  // Sources of files that did not make it into the manifest would hold their snapshots forever.
  for (const [file, src] of sources)
    if (![...out.values()].some((r) => r.file.file === file)) void src.release?.();
  return [...out.values()];
}

/**
 * Publishes like {@link publishExtractsStaged} and waits until every sibling is written:
 * resolves with the complete manifest.
 */
export async function publishExtracts(
  store: Store,
  root: string,
  defs: readonly ExtractDef[],
  options: PublishOptions = {},
): Promise<Manifest> {
  return (await publishExtractsStaged(store, root, defs, options)).finished;
}
