import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { writeFileAtomic } from "./atomic-write.ts";
import { MANIFEST_FILE, type Manifest } from "./manifest.ts";

const chains = new Map<string, Promise<unknown>>();

/**
 * Runs `work` while no other publish or background finishing of the same extracts root writes
 * its manifest (one process writes a root; see `publishExtracts`).
 */
export function withManifestLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const key = resolve(root);
  const run = (chains.get(key) ?? Promise.resolve()).then(work, work);
  const tail = run.catch(() => undefined);
  chains.set(key, tail);
  void tail.then(() => {
    if (chains.get(key) === tail) chains.delete(key);
  });
  return run;
}

/** Reads the current manifest, or null when nothing was published yet. */
export async function readManifest(root: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(root, MANIFEST_FILE), "utf8")) as Manifest;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`extracts manifest ${join(root, MANIFEST_FILE)} is unreadable: ${(e as Error).message}`);
  }
}

/** Replaces the manifest atomically (call under {@link withManifestLock}). */
export function writeManifest(root: string, manifest: Manifest): Promise<void> {
  return writeFileAtomic(join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
