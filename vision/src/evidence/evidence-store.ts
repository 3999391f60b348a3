import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { EvidenceSink, Scene } from "../pipeline/scene.ts";
import { annotateScene } from "./annotate-scene.ts";

/** Options of {@link EvidenceStore}. */
export interface EvidenceStoreOptions {
  /** Folder the JPEGs are written to (created when missing). */
  dir: string;
  /** Prefix of the `evidence` reference in alert rows; the server maps it to `dir`. @default "vision-evidence/" */
  publicPrefix?: string;
  /** Keep at most this many snapshots; the oldest go first. @default 2000 */
  maxFiles?: number;
  /** Delete snapshots older than this, ms. @default 7 days */
  maxAgeMs?: number;
  /** JPEG quality. @default 80 */
  quality?: number;
  /** Wall clock (tests). @default Date.now */
  now?: () => number;
}

interface Kept {
  name: string;
  mtime: number;
}

/** File name for an alert id: ids are ASCII already; anything else becomes `_`. */
function fileNameOf(alertId: string): string {
  return `${alertId.replace(/[^\w.-]/g, "_")}.jpg`;
}

/**
 * Annotated alert snapshots on disk with a retention policy (most files, oldest age), written
 * atomically (temp file + rename) so a reader never sees half a JPEG.
 *
 * @example
 * const evidence = new EvidenceStore({ dir: "data/vision-evidence", maxFiles: 5000 });
 * new CameraPipeline({ camera, source, backend, evidence });
 * // alert rows then carry evidence "vision-evidence/VIS-CAM-00822-CROWD-plaza-20261126T060030Z.jpg"
 */
export class EvidenceStore implements EvidenceSink {
  readonly dir: string;
  readonly publicPrefix: string;
  private readonly maxFiles: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private kept: Kept[] | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EvidenceStoreOptions) {
    this.dir = resolve(options.dir);
    this.publicPrefix = options.publicPrefix ?? "vision-evidence/";
    this.maxFiles = options.maxFiles ?? 2000;
    this.maxAgeMs = options.maxAgeMs ?? 7 * 24 * 3600_000;
    this.now = options.now ?? Date.now;
  }

  /** Draws the scene, writes `<alert id>.jpg`, applies retention; returns the evidence reference. */
  async save(alertId: string, scene: Scene): Promise<string> {
    const jpeg = await annotateScene(scene, { quality: this.options.quality });
    // One write and prune at a time, so two cameras' alerts cannot race on the retention list.
    const done = this.queue.then(() => this.write(fileNameOf(alertId), jpeg));
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** The file behind an evidence reference, or `undefined` when it is not one of this store's. */
  pathOf(reference: string): string | undefined {
    if (!reference.startsWith(this.publicPrefix)) return undefined;
    const name = reference.slice(this.publicPrefix.length);
    if (name !== basename(name) || !name.endsWith(".jpg")) return undefined;
    return join(this.dir, name);
  }

  /** The JPEG behind an evidence reference, or `null` when it is not one of this store's or is gone. */
  async read(reference: string): Promise<Uint8Array | null> {
    const path = this.pathOf(reference);
    if (!path) return null;
    try {
      return await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null; // pruned by retention
      throw e;
    }
  }

  /** Snapshot files currently kept, oldest first. */
  async files(): Promise<string[]> {
    return (await this.load()).map((k) => k.name);
  }

  private async write(name: string, jpeg: Buffer): Promise<string> {
    const kept = await this.load();
    const path = join(this.dir, name);
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, jpeg);
    await rename(temp, path);
    const existing = kept.findIndex((k) => k.name === name);
    if (existing >= 0) kept.splice(existing, 1);
    kept.push({ name, mtime: this.now() });
    await this.prune(kept);
    return `${this.publicPrefix}${name}`;
  }

  private async load(): Promise<Kept[]> {
    if (this.kept) return this.kept;
    await mkdir(this.dir, { recursive: true });
    const names = (await readdir(this.dir)).filter((n) => n.endsWith(".jpg"));
    const kept = await Promise.all(
      names.map(async (name) => ({ name, mtime: (await stat(join(this.dir, name))).mtimeMs })),
    );
    kept.sort((a, b) => a.mtime - b.mtime || (a.name < b.name ? -1 : 1));
    this.kept = kept;
    await this.prune(kept);
    return kept;
  }

  private async prune(kept: Kept[]): Promise<void> {
    const cutoff = this.now() - this.maxAgeMs;
    let drop = 0;
    while (drop < kept.length && (kept.length - drop > this.maxFiles || (kept[drop]?.mtime ?? 0) < cutoff))
      drop++;
    for (const { name } of kept.splice(0, drop)) {
      await unlink(join(this.dir, name)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    }
  }
}
