/** One published extract, as listed in the manifest. */
export interface ManifestEntry {
  readonly name: string;
  readonly title: { readonly zh: string; readonly en: string };
  /** File name inside the version directory (Arrow IPC stream, uncompressed). */
  readonly file: string;
  readonly format: "arrow-ipc-stream";
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
  /** Sizes of the precompressed siblings (`file.gz`, `file.br`), by HTTP content coding. */
  readonly encodings: Readonly<Record<string, number>>;
  readonly fields: readonly { readonly name: string; readonly type: string }[];
  /** ISO dates or times of the first and last row, when the extract has a time column. */
  readonly timeRange: readonly [string, string] | null;
}

/** The extracts manifest: bumped on every publish; clients fetch what changed. */
export interface Manifest {
  readonly version: number;
  readonly generatedAt: string;
  /** Directory (relative to the extracts root) holding this version's files. */
  readonly dir: string;
  readonly extracts: readonly ManifestEntry[];
}

/** File name of the current manifest inside the extracts root. */
export const MANIFEST_FILE = "manifest.json";
