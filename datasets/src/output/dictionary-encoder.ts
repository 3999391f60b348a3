import { Utf8, Vector, vectorFromArray, type Data } from "apache-arrow";
import { isDictColumn, type Column } from "../schema/index.ts";

interface Mapping {
  /** Source code → our code; `null` when the source dictionary is a prefix of ours. */
  map: Int32Array | null;
  length: number;
}

/**
 * One field's dictionary across a whole stream file, which only ever grows. Batches may bring
 * their own dictionary arrays or plain strings; their codes are mapped into this one. The
 * usual case (the generator reuses one dictionary array per field) costs no copying: codes
 * pass straight through.
 *
 * For Arrow: the writer sends a dictionary only when it sees a new dictionary vector, so this
 * keeps one vector per field; strings added later become a new chunk of it, which the writer
 * sends as a delta dictionary batch.
 */
export class DictionaryEncoder {
  private readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly chunks: Data<Utf8>[] = [];
  private sent = 0;
  private vector: Vector<Utf8> = new Vector([
    vectorFromArray([] as string[], new Utf8()).data[0] as Data<Utf8>,
  ]);
  private readonly mappings = new WeakMap<readonly string[], Mapping>();

  private add(s: string): number {
    let code = this.index.get(s);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(s);
      this.index.set(s, code);
    }
    return code;
  }

  private mappingFor(dictionary: readonly string[]): Mapping {
    let m = this.mappings.get(dictionary);
    if (m && m.length === dictionary.length) return m;
    const map = new Int32Array(dictionary.length);
    let identity = true;
    for (let i = 0; i < dictionary.length; i++) {
      const code = this.add(dictionary[i] as string);
      map[i] = code;
      if (code !== i) identity = false;
    }
    m = { map: identity ? null : map, length: dictionary.length };
    this.mappings.set(dictionary, m);
    return m;
  }

  /** Every string seen so far; a code is an index into this. */
  get strings(): readonly string[] {
    return this.values;
  }

  /**
   * Encodes a column (dictionary-coded or plain strings) into codes of this dictionary; nulls
   * (and negative source codes) become -1. Throws on a code outside the column's dictionary.
   */
  encode(column: Column, length: number): Int32Array {
    if (!isDictColumn(column)) {
      const src = column as ArrayLike<string | null>;
      const codes = new Int32Array(length);
      for (let i = 0; i < length; i++) {
        const s = src[i];
        codes[i] = typeof s === "string" ? this.add(s) : -1;
      }
      return codes;
    }
    const { map } = this.mappingFor(column.dictionary);
    const codes = column.codes.length === length ? column.codes : column.codes.subarray(0, length);
    const limit = column.dictionary.length;
    for (let i = 0; i < length; i++) {
      if ((codes[i] as number) >= limit) {
        throw new RangeError(
          `row ${i + 1} of the batch: code ${codes[i]} outside the ${limit}-entry dictionary`,
        );
      }
    }
    return map ? codes.map((c) => (c < 0 ? -1 : (map[c] as number))) : codes;
  }

  /** The dictionary vector to attach to batches: same chunks as before, plus any new strings. */
  dictionary(): Vector<Utf8> {
    if (this.sent < this.values.length || this.chunks.length === 0) {
      const added = this.values.slice(this.sent);
      this.chunks.push(vectorFromArray(added, new Utf8()).data[0] as Data<Utf8>);
      this.sent = this.values.length;
      this.vector = new Vector(this.chunks.slice());
    }
    return this.vector;
  }
}
