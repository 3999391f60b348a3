import { randomBytes } from "node:crypto";
import { open, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Writes a file atomically: a uniquely named temp file in the same directory (created with
 * `mode`), fsync, rename over the target, then fsync the directory so the rename survives a
 * power cut. On failure the temp file is removed and the target is left as it was.
 * @example
 * await writeFileAtomic("data/auth.json", json, { mode: 0o600 });
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: { readonly mode?: number } = {},
): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(6).toString("hex")}`;
  const fh = await open(tmp, "wx", options.mode ?? 0o644);
  try {
    await fh.writeFile(data);
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  const dir = await open(dirname(path), "r");
  try {
    await dir.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the rename is still atomic.
  } finally {
    await dir.close();
  }
}
