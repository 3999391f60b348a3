import type { ColumnBatch, FieldDef } from "../schema/index.ts";
import { AtomicFile } from "./atomic-file.ts";
import { ByteBuffer, utf8Bytes } from "./byte-buffer.ts";
import { cellWriter, type CellWriter, type TextStyle } from "./cell-writer.ts";
import { orderedColumns, type SinkResult, type StreamShape, type StreamSink } from "./stream-sink.ts";

/** A line-per-row text format: how cells are quoted and what goes around them. */
export interface TextFormat {
  readonly style: TextStyle;
  /** Text before the first row (e.g. the CSV header), given the column names. */
  header(names: readonly string[]): string;
  /** Text before each cell of a row, by column; `prefixes[0]` starts the row. */
  prefixes(names: readonly string[]): string[];
  /** Text that ends a row, including its line break. */
  readonly rowEnd: string;
}

/** Buffered bytes are handed to the file once they pass this size. */
const FLUSH_AT = 1 << 20;

/** Streams a text format (CSV, NDJSON) to an atomic file, one batch at a time. */
export class TextSink implements StreamSink {
  private readonly names: string[];
  private readonly defs: FieldDef[];
  private readonly prefixes: Uint8Array[];
  private readonly rowEnd: Uint8Array;
  private readonly out = new ByteBuffer(FLUSH_AT * 2);
  /** The other half of the double buffer, and the write in flight from it. */
  private spare: Uint8Array = new Uint8Array(FLUSH_AT * 2);
  private writing: Promise<void> = Promise.resolve();
  private rows = 0;

  private constructor(
    private readonly stream: StreamShape,
    private readonly format: TextFormat,
    private readonly file: AtomicFile,
  ) {
    this.names = Object.keys(stream.fields);
    this.defs = Object.values(stream.fields);
    this.prefixes = format.prefixes(this.names).map(utf8Bytes);
    this.rowEnd = utf8Bytes(format.rowEnd);
    this.out.utf8(format.header(this.names));
  }

  /** Opens a sink writing `stream` in `format` to `path` (atomically). */
  static async open(stream: StreamShape, format: TextFormat, path: string): Promise<TextSink> {
    return new TextSink(stream, format, await AtomicFile.create(path));
  }

  async write(batch: ColumnBatch): Promise<void> {
    const out = this.out;
    const cells: CellWriter[] = orderedColumns(this.stream, batch).map((c, j) =>
      cellWriter(this.defs[j] as FieldDef, c, out, this.format.style, {
        stream: this.stream.name,
        field: this.names[j] as string,
        firstRow: this.rows + 1,
      }),
    );
    const { prefixes, rowEnd } = this;
    const k = cells.length;
    const prefixRoom = prefixes.reduce((n, p) => n + p.length, rowEnd.length);
    for (let i = 0; i < batch.length; i++) {
      out.ensure(prefixRoom);
      for (let j = 0; j < k; j++) {
        out.bytes(prefixes[j] as Uint8Array);
        (cells[j] as CellWriter)(i);
      }
      out.bytes(rowEnd);
      if (out.pos >= FLUSH_AT) await this.flush();
    }
    this.rows += batch.length;
  }

  /** Starts writing the buffered bytes (after the previous write) and goes on in the spare. */
  private async flush(): Promise<void> {
    await this.writing;
    if (this.out.pos === 0) return;
    const full = this.out.swap(this.spare);
    this.writing = this.file.write(full).then(() => {
      this.spare = new Uint8Array(full.buffer);
    });
  }

  async close(): Promise<SinkResult> {
    await this.flush();
    await this.writing;
    return { ...(await this.file.commit()), rows: this.rows };
  }

  async abort(): Promise<void> {
    this.out.pos = 0;
    await this.writing.catch(() => undefined);
    await this.file.abort();
  }
}
