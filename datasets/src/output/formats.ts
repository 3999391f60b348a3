import type { ColumnBatch } from "../schema/index.ts";
import { ArrowSink } from "./arrow-sink.ts";
import { csvFormat } from "./csv-format.ts";
import { ndjsonFormat } from "./ndjson-format.ts";
import { ParquetSink } from "./parquet-sink.ts";
import { drainInto, type SinkResult, type StreamShape, type StreamSink } from "./stream-sink.ts";
import { TextSink } from "./text-sink.ts";

/** An output format: its file extension and how to open a sink for it. */
export interface OutputFormat {
  readonly ext: string;
  /** One line for `--help` and the docs. */
  readonly doc: string;
  open(stream: StreamShape, path: string): Promise<StreamSink>;
}

/** Every output format, by name; files are named `<stream>.<ext>`. */
export const FORMATS = {
  arrow: {
    ext: "arrows",
    doc: "Arrow IPC stream, uncompressed (what the screen loads into DuckDB-WASM)",
    open: (stream, path) => ArrowSink.open(stream, path),
  },
  parquet: {
    ext: "parquet",
    doc: "Parquet, ZSTD-compressed (written by DuckDB)",
    open: (stream, path) => ParquetSink.open(stream, path),
  },
  csv: {
    ext: "csv",
    doc: "CSV with a header row, RFC 4180 quoting, ISO-8601 UTC times",
    open: (stream, path) => TextSink.open(stream, csvFormat, path),
  },
  ndjson: {
    ext: "ndjson",
    doc: "newline-delimited JSON, one object per row, ISO-8601 UTC times",
    open: (stream, path) => TextSink.open(stream, ndjsonFormat, path),
  },
} as const satisfies Record<string, OutputFormat>;

/** Name of an output format. */
export type FormatName = keyof typeof FORMATS;

/** Every format name, in the order `--help` lists them. */
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/**
 * Writes one stream's batches to `path` in `format`, atomically: on any error (from the
 * source or the writer) no file and no temporary file is left behind.
 * @example
 * await writeStreamFile(energy, "arrow", batches, "data/energy.arrows");
 */
export async function writeStreamFile(
  stream: StreamShape,
  format: FormatName,
  batches: Iterable<ColumnBatch> | AsyncIterable<ColumnBatch>,
  path: string,
): Promise<SinkResult> {
  return drainInto(await FORMATS[format].open(stream, path), batches);
}
