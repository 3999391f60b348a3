import { copyFile, link } from "node:fs/promises";
import { join } from "node:path";
import { CODINGS, type Coding } from "./compress-pool.ts";
import type { ExtractFile, Manifest, ManifestEntry, ParquetFile } from "./manifest.ts";

/** File name of an Arrow file's precompressed sibling, e.g. `x.arrows.zst`. */
export const siblingName = (file: string, coding: string): string =>
  `${file}.${(CODINGS as Record<string, string>)[coding] ?? coding}`;

/**
 * Makes `from` also appear as `to` (a hard link: no bytes copied, and the file survives when
 * the old version directory is removed), copying where the file system cannot link. An
 * existing `to` is kept: siblings are named after content that does not change.
 */
export async function linkFile(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return;
    if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP") throw e;
    await copyFile(from, to);
  }
}

/** Same Arrow content: the file name and its digest agree. */
export const sameFile = (a: ExtractFile, b: { readonly file: string; readonly sha256: string }): boolean =>
  a.file === b.file && a.sha256 === b.sha256;

/** Every Arrow file a manifest lists (entries and monthly parts; an entry repeats its newest part). */
export function manifestFiles(m: Manifest): ExtractFile[] {
  return m.extracts.flatMap((e) => [e as ExtractFile, ...(e.parts ?? [])]);
}

/** A copy of `m` with `f` applied to every file description (entries and parts). */
export function mapFiles(m: Manifest, f: <T extends ExtractFile>(x: T) => T): Manifest {
  return {
    ...m,
    extracts: m.extracts.map((e): ManifestEntry => {
      const entry = f(e);
      return entry.parts ? { ...entry, parts: entry.parts.map((p) => f(p)) } : entry;
    }),
  };
}

/** `x` with one more precompressed sibling or its Parquet sibling listed. */
export function withSibling<T extends ExtractFile>(
  x: T,
  patch: { readonly coding: Coding; readonly bytes: number } | { readonly parquet: ParquetFile },
): T {
  if ("parquet" in patch) return { ...x, parquet: patch.parquet };
  return { ...x, encodings: { ...x.encodings, [patch.coding]: patch.bytes } };
}

/**
 * Before a new manifest replaces `prev`: siblings that `prev`'s files gained in the background
 * after the new version read it are linked into the new version's directory and listed, so no
 * finished work is lost to the switch (Parquet ones only when the new version wants Parquet).
 */
export async function carryForward(
  root: string,
  prev: Manifest | null,
  next: Manifest,
  parquet: boolean,
): Promise<Manifest> {
  if (!prev || prev.dir === next.dir) return next;
  const known = manifestFiles(prev);
  const linked = new Map<string, boolean>();
  const bring = async (name: string): Promise<boolean> => {
    let ok = linked.get(name);
    if (ok === undefined) {
      ok = await linkFile(join(root, prev.dir, name), join(root, next.dir, name)).then(
        () => true,
        () => false,
      );
      linked.set(name, ok);
    }
    return ok;
  };
  // Two passes: the links are made first (async), then the manifest is rebuilt synchronously.
  const patches = new Map<ExtractFile, ExtractFile>();
  for (const x of manifestFiles(next)) {
    const old = known.find((y) => sameFile(y, x));
    if (!old) continue;
    let upd = x;
    for (const [coding, bytes] of Object.entries(old.encodings)) {
      if (upd.encodings[coding] === undefined && (await bring(siblingName(x.file, coding))))
        upd = withSibling(upd, { coding: coding as Coding, bytes });
    }
    if (parquet && old.parquet && !upd.parquet && (await bring(old.parquet.file)))
      upd = withSibling(upd, { parquet: old.parquet });
    if (upd !== x) patches.set(x, upd);
  }
  return patches.size === 0 ? next : mapFiles(next, (x) => (patches.get(x) as typeof x | undefined) ?? x);
}
