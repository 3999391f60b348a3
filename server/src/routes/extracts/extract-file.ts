import { createHash } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";

/** An extract file opened and checked against the manifest; the caller closes `fh`. */
export interface CheckedFile {
  readonly fh: FileHandle;
  readonly size: number;
}

/** Why an extract file cannot be served. */
export interface FileProblem {
  readonly problem: "missing" | "corrupt" | "unreadable";
  readonly detail: string;
}

// Verified digests by path, size and mtime: a file is hashed once per version, not per request.
const verified = new Map<string, Promise<string>>();
const MAX_VERIFIED = 500;

async function sha256Of(fh: FileHandle, size: number): Promise<string> {
  const hash = createHash("sha256");
  const chunk = new Uint8Array(Math.min(size, 1 << 20));
  for (let pos = 0; pos < size;) {
    const { bytesRead } = await fh.read(chunk, 0, Math.min(chunk.length, size - pos), pos);
    if (bytesRead === 0) break;
    hash.update(chunk.subarray(0, bytesRead));
    pos += bytesRead;
  }
  return hash.digest("hex");
}

/**
 * Opens an extract file and checks it: it exists, has the size the manifest says, and — when
 * `sha256` is given — that digest (checked once per file version and cached).
 * @example
 * const f = await openChecked(path, entry.bytes, entry.sha256);
 * if ("problem" in f) return unavailable(f);
 */
export async function openChecked(
  path: string,
  size: number,
  sha256?: string,
): Promise<CheckedFile | FileProblem> {
  let fh: FileHandle;
  try {
    fh = await open(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? { problem: "missing", detail: "the file is missing" }
      : { problem: "unreadable", detail: `the file cannot be opened (${code ?? (e as Error).message})` };
  }
  try {
    const stat = await fh.stat();
    if (!stat.isFile()) {
      await fh.close();
      return { problem: "unreadable", detail: "it is not a regular file" };
    }
    if (stat.size !== size) {
      await fh.close();
      return { problem: "corrupt", detail: `${stat.size} bytes on disk, the manifest says ${size}` };
    }
    if (sha256) {
      const key = `${path}\u0000${stat.size}\u0000${stat.mtimeMs}`;
      let digest = verified.get(key);
      if (!digest) {
        if (verified.size >= MAX_VERIFIED) verified.clear();
        digest = sha256Of(fh, size);
        verified.set(key, digest);
        digest.catch(() => verified.delete(key));
      }
      if ((await digest) !== sha256) {
        await fh.close();
        return { problem: "corrupt", detail: "its sha256 does not match the manifest" };
      }
    }
    return { fh, size };
  } catch (e) {
    await fh.close().catch(() => undefined);
    return { problem: "unreadable", detail: `the file cannot be read (${(e as Error).message})` };
  }
}

/** Reads `length` bytes at `start`; null when the file came up short (truncated while serving). */
export async function readRange(fh: FileHandle, start: number, length: number): Promise<Uint8Array | null> {
  const buf = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, start + done);
    if (bytesRead === 0) return null;
    done += bytesRead;
  }
  return buf;
}
