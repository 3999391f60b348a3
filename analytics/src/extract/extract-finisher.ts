import { mkdir, open, rename, rm, stat, unlink } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Store } from "../store/store.ts";
import { CODINGS, CompressPool, type Coding } from "./compress-pool.ts";
import type { ExtractFile, ParquetFile } from "./manifest.ts";
import { readManifest, withManifestLock, writeManifest } from "./manifest-lock.ts";
import { PriorityRunner } from "./priority-runner.ts";
import { linkFile, manifestFiles, mapFiles, sameFile, siblingName, withSibling } from "./sibling-files.ts";

/** Where the rows of a Parquet sibling come from. */
export interface ParquetSource {
  readonly store: Store;
  /** The rows of the Arrow file: a snapshot's (exactly its rows) or the definition's own SQL. */
  readonly select: string;
  /** Frees what `select` reads (a snapshot's reference, a linked file) once the Parquet is written or skipped. */
  readonly release?: () => Promise<void>;
  /** Parquet file name inside a version directory. */
  readonly file: string;
}

/** Siblings one Arrow file of a published manifest still lacks. */
export interface FinishRequest {
  readonly file: Pick<ExtractFile, "file" | "sha256" | "bytes" | "encodings" | "parquet">;
  /** `first-paint` files are finished first. */
  readonly firstPaint: boolean;
  /** Set when a Parquet sibling is wanted. */
  readonly parquet?: ParquetSource;
  /** Told of each sibling written for this request (not of work another request had queued). */
  readonly onDone?: (t: {
    readonly file: string;
    readonly sibling: Coding | "parquet";
    readonly ms: number;
    readonly bytes: number;
  }) => void;
}

/** A sibling written under `.staging/`, to be linked into whatever version is current. */
interface Staged {
  readonly file: string;
  readonly sha256: string;
  readonly name: string;
  readonly path: string;
  readonly patch: { readonly coding: Coding; readonly bytes: number } | { readonly parquet: ParquetFile };
}

const RANK: Record<Coding, number> = { zstd: 0, br: 2, gzip: 4 };
const finishers = new Map<string, ExtractFinisher>();

/**
 * Writes the siblings of published Arrow files in the background — zstd, brotli and gzip in
 * worker threads ({@link CompressPool}), Parquet with DuckDB's `COPY` — and lists each in the
 * current manifest as soon as it exists (same version: the Arrow bytes did not change, clients
 * are told nothing; the server only offers codings the manifest lists). zstd of first-paint
 * files comes first, Parquet runs beside compression. Work for a file that a newer version no
 * longer lists is skipped. One finisher per extracts root and process.
 */
export class ExtractFinisher {
  readonly #staging: string;
  readonly #ready: Promise<unknown>;
  readonly #pool = new CompressPool();
  readonly #compress: PriorityRunner;
  readonly #parquet = new PriorityRunner(1);
  readonly #jobs = new Map<string, Promise<void>>();
  #toApply: Staged[] = [];
  #applying: Promise<void> | null = null;

  private constructor(readonly root: string) {
    this.#staging = join(root, ".staging");
    // Leftovers of a process that stopped mid-way are useless: their Arrow files are re-listed.
    this.#ready = rm(this.#staging, { recursive: true, force: true }).then(() =>
      mkdir(this.#staging, { recursive: true }),
    );
    this.#compress = new PriorityRunner(this.#pool.size);
  }

  /** The finisher of an extracts root. */
  static of(root: string): ExtractFinisher {
    const key = resolve(root);
    let f = finishers.get(key);
    if (!f) finishers.set(key, (f = new ExtractFinisher(key)));
    return f;
  }

  /**
   * Queues what the files lack (a request already queued is not queued twice). Resolves when
   * every sibling is written and listed, or skipped because a newer version dropped its file;
   * rejects with the first failure after all settled.
   */
  async finish(requests: readonly FinishRequest[]): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const r of requests) {
      const size = r.file.bytes;
      for (const coding of Object.keys(CODINGS) as Coding[]) {
        if (r.file.encodings[coding] !== undefined) continue;
        const rank = (RANK[coding] + (r.firstPaint ? 0 : 1)) * 1e13 + size;
        jobs.push(
          this.#job(`${r.file.sha256}:${r.file.file}:${coding}`, () =>
            this.#compress.add(rank, () => this.#compressOne(r, coding)),
          ),
        );
      }
      const pq = r.parquet;
      if (!pq) continue;
      if (r.file.parquet) {
        await pq.release?.();
        continue;
      }
      const key = `${r.file.sha256}:${r.file.file}:parquet`;
      if (this.#jobs.has(key)) await pq.release?.(); // already being written from another
      jobs.push(
        this.#job(key, () =>
          this.#parquet.add(
            (r.firstPaint ? 0 : 1) * 1e13 + size,
            () => this.#parquetOne(r, pq).finally(() => pq.release?.()),
            () => void pq.release?.().catch(() => undefined),
          ),
        ),
      );
    }
    const settled = await Promise.allSettled(jobs);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) throw failed.reason;
  }

  /** Skips queued work (releasing its snapshots) and waits for what is running. */
  async cancel(): Promise<void> {
    await Promise.all([this.#compress.clear(), this.#parquet.clear()]);
    await this.#applying;
  }

  #job(key: string, start: () => Promise<void>): Promise<void> {
    let p = this.#jobs.get(key);
    if (!p) {
      p = this.#ready.then(start).finally(() => this.#jobs.delete(key));
      this.#jobs.set(key, p);
    }
    return p;
  }

  /** The current directory of a file, or null when the current manifest no longer lists it. */
  async #currentDir(f: FinishRequest["file"], has: (x: ExtractFile) => boolean): Promise<string | null> {
    const m = await readManifest(this.root);
    const x = m && manifestFiles(m).find((y) => sameFile(y, f));
    return m && x && !has(x) ? join(this.root, m.dir) : null;
  }

  async #compressOne(r: FinishRequest, coding: Coding): Promise<void> {
    const f = r.file;
    const dir = await this.#currentDir(f, (x) => x.encodings[coding] !== undefined);
    if (!dir) return;
    const t = performance.now();
    const name = siblingName(f.file, coding);
    const path = join(this.#staging, `${f.sha256.slice(0, 16)}-${name}`);
    const bytes = await this.#pool.compress(join(dir, f.file), coding, path);
    r.onDone?.({ file: f.file, sibling: coding, ms: performance.now() - t, bytes });
    await this.#apply({ file: f.file, sha256: f.sha256, name, path, patch: { coding, bytes } });
  }

  async #parquetOne(r: FinishRequest, src: ParquetSource): Promise<void> {
    const f = r.file;
    if (!(await this.#currentDir(f, (x) => x.parquet !== undefined))) return;
    const t = performance.now();
    const path = join(this.#staging, `${f.sha256.slice(0, 16)}-${src.file}`);
    const tmp = `${path}.tmp`;
    await src.store.query(
      `COPY (${src.select}) TO '${tmp.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    const fh = await open(tmp, "r+");
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
    const parquet = { file: src.file, bytes: (await stat(path)).size };
    r.onDone?.({ file: f.file, sibling: "parquet", ms: performance.now() - t, bytes: parquet.bytes });
    await this.#apply({ file: f.file, sha256: f.sha256, name: src.file, path, patch: { parquet } });
  }

  /** Lists staged siblings in the current manifest, batching what finishes meanwhile. */
  #apply(s: Staged): Promise<void> {
    this.#toApply.push(s);
    this.#applying ??= (async () => {
      try {
        while (this.#toApply.length > 0) {
          const batch = this.#toApply.splice(0);
          await withManifestLock(this.root, () => this.#applyBatch(batch));
        }
      } finally {
        this.#applying = null;
      }
    })();
    return this.#applying;
  }

  async #applyBatch(batch: readonly Staged[]): Promise<void> {
    const m = await readManifest(this.root);
    if (m) {
      const files = manifestFiles(m);
      const live = batch.filter((s) => files.some((x) => sameFile(x, s)));
      for (const s of live) await linkFile(s.path, join(this.root, m.dir, s.name));
      if (live.length > 0) {
        const patched = mapFiles(m, (x) =>
          live.filter((s) => sameFile(x, s)).reduce((y, s) => withSibling(y, s.patch), x),
        );
        await writeManifest(this.root, patched);
      }
    }
    for (const s of batch) await unlink(s.path).catch(() => undefined);
  }
}

/**
 * Stops the background finishing of an extracts root: queued siblings are skipped (the next
 * publish queues them again), running ones complete. Call before closing the store.
 */
export async function stopFinishing(root: string): Promise<void> {
  await finishers.get(resolve(root))?.cancel();
}
