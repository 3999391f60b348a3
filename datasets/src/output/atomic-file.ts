import { createHash, type Hash } from "node:crypto";
import { open, rename, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** What a finished file is: where, how big, and its content hash (hex sha256). */
export interface WrittenFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

let counter = 0;

/**
 * A temporary name beside `path` (same directory, so the final rename is atomic). The name
 * carries the process id and a counter so that concurrent writers never collide; it never
 * appears in any file's contents.
 */
export function tempPathFor(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}-${counter}.tmp`);
}

/** Flushes a directory entry (the rename) to disk; some platforms cannot open directories. */
async function fsyncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, "r");
    await fh.sync();
  } catch {
    // Windows cannot fsync a directory; the rename itself is still atomic there.
  } finally {
    await fh?.close();
  }
}

/**
 * A file written under a temporary name and renamed into place on {@link AtomicFile.commit}:
 * readers see either the old file or the complete new one, never a partial one. It hashes
 * what it writes, so committing costs no second read.
 * @example
 * const f = await AtomicFile.create("out/energy.csv");
 * try { await f.write(bytes); return await f.commit(); } catch (e) { await f.abort(); throw e; }
 */
export class AtomicFile {
  private readonly hash: Hash = createHash("sha256");
  private bytes = 0;
  private done = false;

  private constructor(
    readonly path: string,
    readonly tempPath: string,
    private readonly fh: FileHandle,
  ) {}

  /** Opens a temporary file beside `path` for writing. */
  static async create(path: string): Promise<AtomicFile> {
    const temp = tempPathFor(path);
    return new AtomicFile(path, temp, await open(temp, "wx"));
  }

  /** Bytes written so far. */
  get size(): number {
    return this.bytes;
  }

  /** Appends bytes (in order). Resolves once the OS has them. */
  async write(chunks: Uint8Array | readonly Uint8Array[]): Promise<void> {
    const list = chunks instanceof Uint8Array ? [chunks] : chunks;
    for (const c of list) {
      this.hash.update(c);
      this.bytes += c.byteLength;
    }
    if (list.length === 1) await this.fh.write(list[0] as Uint8Array);
    else if (list.length > 1) await this.fh.writev(list as Uint8Array[]);
  }

  /** Flushes to disk, closes, and renames into place. */
  async commit(): Promise<WrittenFile> {
    if (this.done) throw new Error(`${this.path}: already committed or aborted`);
    this.done = true;
    await this.fh.sync();
    await this.fh.close();
    await rename(this.tempPath, this.path);
    await fsyncDir(dirname(this.path));
    return { path: this.path, bytes: this.bytes, sha256: this.hash.digest("hex") };
  }

  /** Closes and deletes the temporary file; the destination is left as it was. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.fh.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
  }
}

/**
 * Renames a finished temporary file (written by someone else, e.g. DuckDB) into place after
 * flushing it to disk, hashing it on the way.
 */
export async function commitTempFile(tempPath: string, path: string): Promise<WrittenFile> {
  const fh = await open(tempPath, "r+");
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, bytes);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tempPath, path);
  await fsyncDir(dirname(path));
  return { path, bytes, sha256: hash.digest("hex") };
}
