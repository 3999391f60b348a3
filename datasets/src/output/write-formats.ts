import type { ColumnBatch } from "../schema/index.ts";
import { FORMATS, type FormatName } from "./formats.ts";
import type { SinkResult, StreamShape, StreamSink } from "./stream-sink.ts";

/** One file to write: a format and its path. */
export interface FormatTarget {
  readonly format: FormatName;
  readonly path: string;
}

/** A stream whose rows are all written; its files are still being finished. */
export interface WrittenStream {
  readonly rows: number;
  /**
   * Resolves once every file is finished and in place (Parquet's encoding happens here, in
   * DuckDB's threads, so the caller can start the next stream meanwhile).
   */
  readonly finished: Promise<(SinkResult & { readonly format: FormatName })[]>;
}

/**
 * Writes one pass over a stream's batches to several formats at once. If the source or any
 * writer fails, every file is aborted (none is left, partial or temporary) and the error is
 * rethrown.
 * @param onBatch called after each batch with the rows written so far.
 */
export async function writeFormats(
  stream: StreamShape,
  batches: Iterable<ColumnBatch> | AsyncIterable<ColumnBatch>,
  targets: readonly FormatTarget[],
  onBatch?: (rows: number) => void,
): Promise<WrittenStream> {
  const sinks: StreamSink[] = [];
  let rows = 0;
  try {
    for (const t of targets) sinks.push(await FORMATS[t.format].open(stream, t.path));
    for await (const batch of batches) {
      for (const sink of sinks) await sink.write(batch);
      rows += batch.length;
      onBatch?.(rows);
    }
  } catch (error) {
    await Promise.all(sinks.map((s) => s.abort()));
    throw error;
  }
  const closing = sinks.map((sink, i) =>
    sink.close().then((r) => ({ ...r, format: (targets[i] as FormatTarget).format })),
  );
  // Let every close settle before reporting a failure, so no DuckDB work outlives the call.
  const finished = Promise.allSettled(closing).then((results) => {
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    return results.map((r) => (r as PromiseFulfilledResult<SinkResult & { format: FormatName }>).value);
  });
  // The caller may await this later; until then a failure must not count as unhandled.
  finished.catch(() => undefined);
  return { rows, finished };
}
