import type { ColumnBatch, Column, StreamDef } from "../schema/index.ts";
import type { WrittenFile } from "./atomic-file.ts";

/**
 * What the writers need of a stream: its name and fields. Any stream's `StreamDef` fits
 * (`StreamDef<string, Fields>` would not: it is invariant in its fields, whose names type its
 * key).
 */
export type StreamShape = Pick<StreamDef, "name" | "fields">;

/** A finished stream file: the file plus how many rows it holds. */
export interface SinkResult extends WrittenFile {
  readonly rows: number;
}

/**
 * Writes one stream's batches to one file, batch by batch (nothing is held beyond the current
 * batch). Nothing appears at the destination until {@link StreamSink.close} succeeds;
 * {@link StreamSink.abort} leaves the destination untouched.
 */
export interface StreamSink {
  /** Appends a batch. Resolves once its bytes are handed to the OS (or the encoder). */
  write(batch: ColumnBatch): Promise<void>;
  /** Finishes the file, flushes it to disk and renames it into place. */
  close(): Promise<SinkResult>;
  /** Discards everything written; safe to call after a failed write or twice. */
  abort(): Promise<void>;
}

/** The columns of a batch in the stream's field order; throws naming a missing column. */
export function orderedColumns(stream: StreamShape, batch: ColumnBatch): Column[] {
  return Object.keys(stream.fields).map((name) => {
    const c = batch.columns[name];
    if (c === undefined) throw new Error(`stream "${stream.name}": batch lacks column "${name}"`);
    return c;
  });
}

/**
 * Writes every batch of `batches` through `sink` and closes it; aborts it (leaving no partial
 * file) when the source or the sink throws, and rethrows.
 */
export async function drainInto(
  sink: StreamSink,
  batches: Iterable<ColumnBatch> | AsyncIterable<ColumnBatch>,
): Promise<SinkResult> {
  try {
    for await (const batch of batches) await sink.write(batch);
    return await sink.close();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}
