import {
  RecordBatch,
  RecordBatchStreamWriter,
  Struct,
  makeData,
  type Data,
  type Dictionary,
  type Schema,
} from "apache-arrow";
import type { ArrayBufferViewInput } from "apache-arrow/util/buffer";
import { arrowSchema, toRecordBatch, type ColumnBatch, type StreamDef } from "../schema/index.ts";
import { AtomicFile } from "./atomic-file.ts";
import { DictionaryEncoder } from "./dictionary-encoder.ts";
import { orderedColumns, type SinkResult, type StreamShape, type StreamSink } from "./stream-sink.ts";

/** The Arrow stream writer, made to hand its bytes over synchronously after each batch. */
class CollectingWriter extends RecordBatchStreamWriter {
  private chunks: Uint8Array[] = [];

  protected override _write(chunk: ArrayBufferViewInput): this {
    if (this._started && ArrayBuffer.isView(chunk) && chunk.byteLength > 0) {
      this.chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this._position += chunk.byteLength;
    }
    return this;
  }

  /** Writes the schema message if nothing was written yet (an empty stream is still valid). */
  start(schema: Schema): void {
    if (!this._started) this.reset(undefined, schema);
  }

  /** The bytes produced since the last call. */
  take(): Uint8Array[] {
    const out = this.chunks;
    this.chunks = [];
    return out;
  }
}

/** Splits codes with -1 for null into valid codes and an Arrow validity bitmap. */
function validityOf(codes: Int32Array) {
  const n = codes.length;
  let nullCount = 0;
  for (let i = 0; i < n; i++) if ((codes[i] as number) < 0) nullCount++;
  if (nullCount === 0) return { codes, nullBitmap: undefined, nullCount };
  const nullBitmap = new Uint8Array(((n + 63) >> 6) << 3);
  for (let i = 0; i < n; i++) if ((codes[i] as number) >= 0) nullBitmap[i >> 3]! |= 1 << (i & 7);
  // Null slots still hold a valid code, for readers that look before checking validity.
  return { codes: codes.map((c) => (c < 0 ? 0 : c)), nullBitmap, nullCount };
}

/**
 * Streams a stream's batches as an uncompressed Arrow IPC stream (`.arrows`; DuckDB-WASM
 * rejects compressed IPC). Dictionary fields keep one dictionary per field for the whole file:
 * it is sent once, with delta batches only if a later batch brings new strings.
 */
export class ArrowSink implements StreamSink {
  private readonly writer = new CollectingWriter();
  private readonly schema: Schema;
  private readonly encoders: (DictionaryEncoder | undefined)[];
  private rows = 0;

  /** The schema helpers read only `name` and `fields`, which every shape has. */
  private readonly def: StreamDef;

  private constructor(
    private readonly stream: StreamShape,
    private readonly file: AtomicFile,
  ) {
    this.def = stream as StreamDef;
    this.schema = arrowSchema(this.def);
    this.encoders = this.schema.fields.map((f) => (f.typeId === -1 ? new DictionaryEncoder() : undefined));
  }

  /** Opens a sink writing `stream` to `path` (atomically). */
  static async open(stream: StreamShape, path: string): Promise<ArrowSink> {
    return new ArrowSink(stream, await AtomicFile.create(path));
  }

  /** Converts a columnar batch, with dictionary columns encoded into the file's dictionaries. */
  private recordBatch(batch: ColumnBatch): RecordBatch {
    const n = batch.length;
    const columns = orderedColumns(this.stream, batch);
    const dictData: (Data | undefined)[] = [];
    const patched: Record<string, ColumnBatch["columns"][string]> = {};
    this.schema.fields.forEach((field, j) => {
      const encoder = this.encoders[j];
      const column = columns[j] as ColumnBatch["columns"][string];
      if (!encoder) {
        patched[field.name] = column;
        return;
      }
      let codes;
      try {
        codes = encoder.encode(column, n);
      } catch (e) {
        throw new Error(`stream "${this.stream.name}", field "${field.name}": ${(e as Error).message}`);
      }
      const validity = validityOf(codes);
      if (validity.nullCount > 0 && !field.nullable) {
        throw new Error(`stream "${this.stream.name}", field "${field.name}": null in a non-nullable field`);
      }
      // The schema's converter only needs a cheap placeholder here; the real column follows.
      patched[field.name] = { codes: validity.codes, dictionary: [] };
      dictData[j] = makeData({
        type: field.type as Dictionary,
        length: n,
        data: validity.codes,
        nullBitmap: validity.nullBitmap,
        nullCount: validity.nullCount,
        dictionary: encoder.dictionary(),
      });
    });
    const converted = toRecordBatch(this.def, { length: n, columns: patched });
    const children = converted.data.children.map((d, j) => dictData[j] ?? d);
    const data = makeData({ type: new Struct(this.schema.fields), length: n, children, nullCount: 0 });
    return new RecordBatch(this.schema, data);
  }

  async write(batch: ColumnBatch): Promise<void> {
    if (batch.length === 0) return;
    this.writer.write(this.recordBatch(batch));
    this.rows += batch.length;
    await this.file.write(this.writer.take());
  }

  async close(): Promise<SinkResult> {
    this.writer.start(this.schema);
    this.writer.close();
    await this.file.write(this.writer.take());
    return { ...(await this.file.commit()), rows: this.rows };
  }

  async abort(): Promise<void> {
    await this.file.abort();
  }
}
