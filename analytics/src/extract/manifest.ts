import type { StreamName } from "@citybrain/datasets";

/** A Parquet (ZSTD) sibling of an Arrow file, for analysts' own tools. */
export interface ParquetFile {
  /** File name inside the version directory. */
  readonly file: string;
  readonly bytes: number;
}

/** One Arrow IPC file of an extract: the whole extract, or one month of a partitioned one. */
export interface ExtractFile {
  /** File name inside the version directory (Arrow IPC stream, uncompressed). */
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
  /** Sizes of the precompressed siblings (`file.zst`, `file.br`, `file.gz`), by HTTP content coding. */
  readonly encodings: Readonly<Record<string, number>>;
  /** ISO dates or times of the first and last row, when the extract has a time column. */
  readonly timeRange: readonly [string, string] | null;
  /** Absent when publishing was asked for no Parquet. */
  readonly parquet?: ParquetFile;
}

/**
 * One part of a partitioned extract: a month (`<name>-YYYY-MM.arrows`), or — for a day-local
 * extract (`incremental: "day"`) in the month of its newest day — one day
 * (`<name>-YYYY-MM-DD.arrows`, `day` set), so that an hour's republish rewrites one small file;
 * when the month ends its days are merged into one month part. A month's rows are those of
 * every part with that `month`.
 */
export interface ManifestPart extends ExtractFile {
  /** Asia/Shanghai calendar month, `YYYY-MM`. */
  readonly month: string;
  /** Asia/Shanghai day `YYYY-MM-DD` when the part holds one day of the current month. */
  readonly day?: string;
}

/** The key naming a part in file names and URLs: its day, else its month. */
export const partKey = (p: { readonly month: string; readonly day?: string }): string => p.day ?? p.month;

/**
 * One published extract, as listed in the manifest. For a partitioned extract the top-level
 * file fields (`file` … `parquet`) describe its newest part — what a client that does not know
 * about parts downloads — and `parts` lists every part, oldest first (by {@link partKey}).
 */
export interface ManifestEntry extends ExtractFile {
  readonly name: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly format: "arrow-ipc-stream";
  readonly fields: readonly { readonly name: string; readonly type: string }[];
  /** `first-paint` (small, load up front) or `drill-down` (load when asked for). */
  readonly role?: "first-paint" | "drill-down";
  /** Streams the extract reads (absent: unknown, always recomputed). */
  readonly streams?: readonly StreamName[];
  /** Hash of the definition; files are reused only under an identical one. */
  readonly definition?: string;
  readonly partitionBy?: "month";
  readonly parts?: readonly ManifestPart[];
}

/** The extracts manifest: bumped on every publish; clients fetch what changed. */
export interface Manifest {
  readonly version: number;
  readonly generatedAt: string;
  /**
   * Per stream, the newest time its rows reach at this version (ISO-8601 UTC): a screen marks
   * the day or hour after it as not yet complete instead of showing a drop. Absent in manifests
   * written before it existed.
   */
  readonly through?: Readonly<Partial<Record<StreamName, string>>>;
  /** Directory (relative to the extracts root) holding this version's files. */
  readonly dir: string;
  readonly extracts: readonly ManifestEntry[];
}

/** File name of the current manifest inside the extracts root. */
export const MANIFEST_FILE = "manifest.json";
