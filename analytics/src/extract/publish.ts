import { mkdir, readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { StreamName } from "@citybrain/datasets";
import type { Store } from "../store/store.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import type { ExtractDef } from "./extract-defs.ts";
import { MANIFEST_FILE, type Manifest, type ManifestEntry } from "./manifest.ts";
import { publishExtract, type Reuse } from "./publish-extract.ts";
import { SITES_TABLE_SQL } from "./sites-table.ts";

/** Reads the current manifest, or null when nothing was published yet. */
export async function readManifest(root: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(root, MANIFEST_FILE), "utf8")) as Manifest;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`extracts manifest ${join(root, MANIFEST_FILE)} is unreadable: ${(e as Error).message}`);
  }
}

/** What {@link publishExtracts} reports per extract. */
export interface ExtractTiming {
  readonly name: string;
  readonly ms: number;
  /** `all`: every file linked from the previous version; `some`: some months of a partitioned one. */
  readonly reused: Reuse;
  readonly rows: number;
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
  /** Called after each extract, e.g. to log timings. */
  readonly onExtract?: (timing: ExtractTiming) => void;
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
    seen.add(d.name);
  }
}

/**
 * Computes the extracts and publishes them as a new manifest version: files go to a fresh
 * `v<N>/` directory, then the manifest is replaced atomically. The previous version stays on
 * disk so clients mid-download can finish; older ones are removed. With `changedStreams`,
 * extracts of other streams reuse the previous version's files.
 */
export async function publishExtracts(
  store: Store,
  root: string,
  defs: readonly ExtractDef[],
  options: PublishOptions = {},
): Promise<Manifest> {
  checkDefs(defs);
  await mkdir(root, { recursive: true });
  const previous = await readManifest(root);
  const version = (previous?.version ?? 0) + 1;
  const dir = `v${version}`;
  await rm(join(root, dir), { recursive: true, force: true });
  await mkdir(join(root, dir), { recursive: true });
  await store.query(SITES_TABLE_SQL); // extracts join it even before loadSites ran
  const ctx = {
    store,
    dir: join(root, dir),
    previousDir: previous ? join(root, previous.dir) : null,
    parquet: options.parquet ?? true,
  };
  const extracts: ManifestEntry[] = [];
  for (const def of defs) {
    const started = performance.now();
    const prior = previous?.extracts.find((e) => e.name === def.name);
    const { entry, reused } = await publishExtract(ctx, def, prior, options);
    extracts.push(entry);
    const total = (k: "rows" | "bytes") => (entry.parts ?? [entry]).reduce((s, p) => s + p[k], 0);
    options.onExtract?.({
      name: def.name,
      ms: performance.now() - started,
      reused,
      rows: total("rows"),
      bytes: total("bytes"),
    });
  }
  const manifest: Manifest = { version, generatedAt: new Date().toISOString(), dir, extracts };
  await writeFileAtomic(join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const keep = new Set([dir, previous?.dir]);
  for (const entry of await readdir(root)) {
    if (/^v\d+$/.test(entry) && !keep.has(entry))
      await rm(join(root, entry), { recursive: true, force: true });
  }
  return manifest;
}
