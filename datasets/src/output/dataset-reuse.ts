/**
 * What a previous run in the same directory left that can be kept: `generateDataset` trusts a
 * file only when dataset.json lists it and its size and sha256 still match (hashed again only
 * when its size or mtime changed, see verified-files.ts).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { GroundTruthAnomaly, PresetName } from "../generators/index.ts";
import type { StreamName } from "../streams/index.ts";
import type { DatasetManifest, ManifestFile } from "./dataset-manifest.ts";
import { FORMATS, type FormatName } from "./formats.ts";
import type { VerifiedFiles } from "./verified-files.ts";

/** The file name of a stream in a format: `<stream>.<ext>`. */
export const fileOf = (stream: StreamName, format: FormatName): string => `${stream}.${FORMATS[format].ext}`;

const sameSet = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Whether a previous run had exactly these arguments and all its files are intact. */
export async function isComplete(
  m: DatasetManifest,
  verified: VerifiedFiles,
  preset: PresetName,
  seed: number,
  formats: readonly FormatName[],
  streams: readonly StreamName[],
): Promise<boolean> {
  if (m.preset !== preset || m.seed !== seed || !sameSet(m.formats, formats)) return false;
  if (!sameSet(Object.keys(m.streams), streams)) return false;
  for (const f of m.files) if (!(await verified.matches(f))) return false;
  return true;
}

/** A stream's files from the previous run, when all of them are intact. */
export async function keptFiles(
  verified: VerifiedFiles,
  old: ReadonlyMap<string, ManifestFile>,
  stream: StreamName,
  formats: readonly FormatName[],
): Promise<ManifestFile[] | undefined> {
  const kept: ManifestFile[] = [];
  for (const format of formats) {
    const f = old.get(fileOf(stream, format));
    if (!f || !(await verified.matches(f))) return undefined;
    kept.push(f);
  }
  return kept;
}

/** The ground truth a previous run wrote (empty when missing or unreadable). */
export async function readTruth(out: string): Promise<GroundTruthAnomaly[]> {
  try {
    return JSON.parse(await readFile(join(out, "ground-truth.json"), "utf8")) as GroundTruthAnomaly[];
  } catch {
    return [];
  }
}
