import { join } from "node:path";
import type { ExtractFile } from "./manifest.ts";
import { linkFile, siblingName } from "./sibling-files.ts";

/** Every file on disk behind one manifest file entry: Arrow, its compressed siblings, Parquet. */
export function filesOf(entry: ExtractFile): string[] {
  return [
    entry.file,
    ...Object.keys(entry.encodings).map((coding) => siblingName(entry.file, coding)),
    ...(entry.parquet ? [entry.parquet.file] : []),
  ];
}

/**
 * Makes the previous version's files of `entry` part of the new version directory: a hard
 * link (no bytes copied; the file survives when the old directory is removed), or a copy where
 * the file system cannot link. Throws when a file is missing, so the caller recomputes.
 */
export async function reuseFiles(fromDir: string, toDir: string, entry: ExtractFile): Promise<void> {
  for (const f of filesOf(entry)) await linkFile(join(fromDir, f), join(toDir, f));
}
