import { copyFile, link } from "node:fs/promises";
import { join } from "node:path";
import type { ExtractFile } from "./manifest.ts";

/** Every file on disk behind one manifest file entry: Arrow, its compressed siblings, Parquet. */
export function filesOf(entry: ExtractFile): string[] {
  return [
    entry.file,
    ...Object.keys(entry.encodings).map(
      (coding) =>
        `${entry.file}.${({ gzip: "gz", zstd: "zst" } as Record<string, string>)[coding] ?? coding}`,
    ),
    ...(entry.parquet ? [entry.parquet.file] : []),
  ];
}

/**
 * Makes the previous version's files of `entry` part of the new version directory: a hard
 * link (no bytes copied; the file survives when the old directory is removed), or a copy where
 * the file system cannot link. Throws when a file is missing, so the caller recomputes.
 */
export async function reuseFiles(fromDir: string, toDir: string, entry: ExtractFile): Promise<void> {
  for (const f of filesOf(entry)) {
    try {
      await link(join(fromDir, f), join(toDir, f));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP") throw e;
      await copyFile(join(fromDir, f), join(toDir, f));
    }
  }
}
