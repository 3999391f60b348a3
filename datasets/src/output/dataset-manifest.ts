/**
 * `dataset.json`: what a generated dataset directory holds. It records only what the run was
 * asked for and what it wrote (no wall-clock time, host or path), so the same arguments give
 * a byte-identical manifest too.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { StreamName } from "../streams/index.ts";
import { AtomicFile, type WrittenFile } from "./atomic-file.ts";
import type { FormatName } from "./formats.ts";

/** Version of the manifest layout; bump when its meaning changes. */
export const MANIFEST_VERSION = 1;

/** One file of the dataset, relative to its directory. */
export interface ManifestFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  /** The stream and format of a stream file; absent for ground-truth.json and sites.json. */
  readonly stream?: StreamName;
  readonly format?: FormatName;
}

/** The manifest of a generated dataset. */
export interface DatasetManifest {
  readonly version: typeof MANIFEST_VERSION;
  readonly preset: string;
  readonly seed: number;
  /** ISO-8601 UTC: the first interval's start and the exclusive end. */
  readonly start: string;
  readonly end: string;
  readonly formats: readonly FormatName[];
  /** Rows written per stream, in generation order. */
  readonly streams: Readonly<Partial<Record<StreamName, { readonly rows: number }>>>;
  /** How many labelled anomalies ground-truth.json holds. */
  readonly anomalies: number;
  readonly files: readonly ManifestFile[];
}

/** Reads `dir/dataset.json`; `undefined` when it is missing or not a manifest of this version. */
export async function readManifest(dir: string): Promise<DatasetManifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, "dataset.json"), "utf8");
  } catch {
    return undefined;
  }
  try {
    const m = JSON.parse(text) as Partial<DatasetManifest> | null;
    if (m?.version !== MANIFEST_VERSION || !Array.isArray(m.files) || typeof m.streams !== "object") {
      return undefined;
    }
    return m as DatasetManifest;
  } catch {
    return undefined;
  }
}

/** Writes a value as JSON (2-space indent unless `compact`), atomically. */
export async function writeJsonFile(path: string, value: unknown, compact = false): Promise<WrittenFile> {
  const text = `${compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`;
  const file = await AtomicFile.create(path);
  try {
    await file.write(Buffer.from(text, "utf8"));
    return await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}
