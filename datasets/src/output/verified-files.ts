/**
 * A hidden, local record of dataset files already hashed (`.dataset-verified.json`): path →
 * size, mtime, sha256. Like git's index, a file whose size and mtime are unchanged since it was
 * hashed is not hashed again, which makes the "nothing to do" rerun of a large dataset take
 * milliseconds. It is a cache, not part of the dataset: dataset.json does not list it, it
 * differs between machines, and deleting it only costs one full re-hash.
 */
import { createHash } from "node:crypto";
import { open, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { AtomicFile } from "./atomic-file.ts";
import type { ManifestFile } from "./dataset-manifest.ts";

/** File name of the cache inside a dataset directory. */
export const VERIFIED_FILE = ".dataset-verified.json";

interface Entry {
  readonly bytes: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

/** The sha256 and size of a file, or `undefined` when it cannot be read. */
export async function hashFile(path: string): Promise<{ bytes: number; sha256: string } | undefined> {
  let fh;
  try {
    fh = await open(path, "r");
  } catch {
    return undefined;
  }
  try {
    const hash = createHash("sha256");
    const buf = Buffer.allocUnsafe(1 << 22);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, bytes);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { bytes, sha256: hash.digest("hex") };
  } finally {
    await fh.close();
  }
}

/** The files of one dataset directory known to match their recorded hashes. */
export class VerifiedFiles {
  private changed = false;

  private constructor(
    private readonly dir: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Loads the cache of `dir` (empty when missing or unreadable). */
  static async load(dir: string): Promise<VerifiedFiles> {
    try {
      const raw = JSON.parse(await readFile(join(dir, VERIFIED_FILE), "utf8")) as Record<string, Entry>;
      return new VerifiedFiles(dir, new Map(Object.entries(raw)));
    } catch {
      return new VerifiedFiles(dir, new Map());
    }
  }

  /** Whether the file is on disk with the size and sha256 the manifest records. */
  async matches(file: ManifestFile): Promise<boolean> {
    const path = join(this.dir, file.path);
    const st = await stat(path).catch(() => undefined);
    if (!st || st.size !== file.bytes) return false;
    const known = this.entries.get(file.path);
    if (known && known.mtimeMs === st.mtimeMs && known.bytes === st.size) return known.sha256 === file.sha256;
    const actual = await hashFile(path);
    if (!actual) return false;
    this.entries.set(file.path, { bytes: actual.bytes, mtimeMs: st.mtimeMs, sha256: actual.sha256 });
    this.changed = true;
    return actual.bytes === file.bytes && actual.sha256 === file.sha256;
  }

  /** Records a file just written (its hash is known; only its mtime is read). */
  async record(file: ManifestFile): Promise<void> {
    const st = await stat(join(this.dir, file.path));
    this.entries.set(file.path, { bytes: file.bytes, mtimeMs: st.mtimeMs, sha256: file.sha256 });
    this.changed = true;
  }

  /** Writes the cache back if anything was added. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const f = await AtomicFile.create(join(this.dir, VERIFIED_FILE));
    try {
      await f.write(Buffer.from(JSON.stringify(Object.fromEntries(this.entries)), "utf8"));
      await f.commit();
      this.changed = false;
    } catch (error) {
      await f.abort();
      throw error;
    }
  }
}
