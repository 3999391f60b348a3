/**
 * Fills one stream's columns row by row (or run by run) into preallocated typed arrays and hands
 * out copies as {@link ColumnBatch}es. Dictionary fields share one dictionary array per run, as
 * Arrow writers need; enum fields use the schema's own value list.
 */
import type { Column, ColumnBatch, Fields, StreamDef } from "../schema/index.ts";

type Storage =
  | { readonly kind: "f64"; readonly data: Float64Array }
  | { readonly kind: "i32"; readonly data: Int32Array }
  | { readonly kind: "dict"; readonly data: Int32Array; readonly dictionary: readonly string[] }
  | { readonly kind: "js"; readonly data: unknown[] };

/** Column buffers for one stream run. */
export class BatchBuilder<F extends Fields = Fields> {
  /** Rows filled in the current batch. */
  fill = 0;
  private readonly storage = new Map<string, Storage>();

  /**
   * @param stream the stream whose fields become columns (in declaration order).
   * @param size rows per batch.
   * @param dictionaries the one dictionary of each id field (enum fields default to their values).
   */
  constructor(
    stream: StreamDef<string, F>,
    readonly size: number,
    dictionaries: Readonly<Record<string, readonly string[]>>,
  ) {
    if (!(size >= 1)) throw new Error(`batch size must be at least 1, got ${size}`);
    for (const [name, def] of Object.entries(stream.fields as Fields)) {
      if (def.dictionary) {
        const dictionary = dictionaries[name] ?? def.values;
        if (!dictionary) throw new Error(`stream "${stream.name}": no dictionary given for field "${name}"`);
        this.storage.set(name, { kind: "dict", data: new Int32Array(size), dictionary });
      } else if (def.kind === "int") {
        this.storage.set(name, { kind: "i32", data: new Int32Array(size) });
      } else if (def.kind === "float" || (def.kind === "timestamp" && !def.nullable)) {
        this.storage.set(name, { kind: "f64", data: new Float64Array(size) });
      } else {
        this.storage.set(name, { kind: "js", data: new Array<unknown>(size) });
      }
    }
  }

  private get(name: string): Storage {
    const s = this.storage.get(name);
    if (!s) throw new Error(`no column "${name}"`);
    return s;
  }

  /** The Float64 buffer of a float or timestamp column. */
  f64(name: string): Float64Array {
    const s = this.get(name);
    if (s.kind !== "f64") throw new Error(`column "${name}" is not a float column`);
    return s.data;
  }

  /** The Int32 buffer of an int column. */
  i32(name: string): Int32Array {
    const s = this.get(name);
    if (s.kind !== "i32") throw new Error(`column "${name}" is not an int column`);
    return s.data;
  }

  /** The code buffer of a dictionary column. */
  codes(name: string): Int32Array {
    const s = this.get(name);
    if (s.kind !== "dict") throw new Error(`column "${name}" is not a dictionary column`);
    return s.data;
  }

  /** The plain array of a text, date or nullable-timestamp column. */
  values(name: string): unknown[] {
    const s = this.get(name);
    if (s.kind !== "js") throw new Error(`column "${name}" is not a plain column`);
    return s.data;
  }

  /** Code of `value` in a dictionary column's dictionary; throws when absent. */
  codeOf(name: string, value: string): number {
    const s = this.get(name);
    const code = s.kind === "dict" ? s.dictionary.indexOf(value) : -1;
    if (code < 0) throw new Error(`column "${name}": "${value}" is not in its dictionary`);
    return code;
  }

  /** True when the current batch is full and must be taken. */
  get full(): boolean {
    return this.fill >= this.size;
  }

  /** Copies out the rows filled so far as a batch and starts a new one. */
  take(): ColumnBatch {
    const n = this.fill;
    const columns: Record<string, Column> = {};
    for (const [name, s] of this.storage) {
      if (s.kind === "dict") columns[name] = { codes: s.data.slice(0, n), dictionary: s.dictionary };
      else if (s.kind === "js") columns[name] = s.data.slice(0, n) as Column;
      else columns[name] = s.data.slice(0, n);
    }
    this.fill = 0;
    return { length: n, columns };
  }
}
