import type { DuckDBVector } from "@duckdb/node-api";
import {
  Dictionary,
  Int16,
  Int32,
  Int8,
  Utf8,
  makeData,
  makeVector,
  type Data,
  type DataType,
} from "apache-arrow";
import type { ColumnBuilder } from "./arrow-fixed-column.ts";
import { grow, ValidityBuilder } from "./arrow-validity.ts";
import { LITTLE_ENDIAN, varcharData } from "./duckdb-vector-buffers.ts";

interface Segment {
  readonly codes: Int32Array;
  readonly nullBitmap: Uint8Array | undefined;
  readonly nulls: number;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** DuckDB keeps strings of up to 12 bytes inside the 16-byte `string_t`, zero-padded. */
const INLINE = 12;

/**
 * Distinct inline strings by their 16 `string_t` bytes (open addressing, linear probing): the
 * common case — ids, codes, carriers, classes — is coded without decoding the text.
 */
class InlineCodes {
  #keys = new Int32Array(4 * 1024);
  #codes = new Int32Array(1024); // code + 1; 0 = empty
  #size = 0;

  static hash(a: number, b: number, c: number, d: number): number {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
    h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ c;
    h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) ^ d;
    return h ^ (h >>> 16);
  }

  get(a: number, b: number, c: number, d: number): number {
    const mask = this.#codes.length - 1;
    for (let s = InlineCodes.hash(a, b, c, d) & mask; ; s = (s + 1) & mask) {
      const code = this.#codes[s] as number;
      if (code === 0) return -1;
      const k = 4 * s;
      const keys = this.#keys;
      if (keys[k] === a && keys[k + 1] === b && keys[k + 2] === c && keys[k + 3] === d) return code - 1;
    }
  }

  set(a: number, b: number, c: number, d: number, code: number): void {
    if (2 * (this.#size + 1) > this.#codes.length) this.#rehash();
    const mask = this.#codes.length - 1;
    let s = InlineCodes.hash(a, b, c, d) & mask;
    while (this.#codes[s] !== 0) s = (s + 1) & mask;
    this.#keys.set([a, b, c, d], 4 * s);
    this.#codes[s] = code + 1;
    this.#size++;
  }

  #rehash(): void {
    const [keys, codes] = [this.#keys, this.#codes];
    this.#keys = new Int32Array(keys.length * 2);
    this.#codes = new Int32Array(codes.length * 2);
    this.#size = 0;
    for (let s = 0; s < codes.length; s++) {
      const code = codes[s] as number;
      if (code === 0) continue;
      const k = 4 * s;
      this.set(
        keys[k] as number,
        keys[k + 1] as number,
        keys[k + 2] as number,
        keys[k + 3] as number,
        code - 1,
      );
    }
  }
}

/**
 * A VARCHAR column, collected as codes into a dictionary of its distinct values. At the end it
 * becomes an Arrow `Dictionary<Int8|Int16|Int32, Utf8>` when values repeat (at most half as
 * many distinct values as non-null rows: ids, towns, carriers…), else plain `Utf8`. Both load
 * into DuckDB-WASM as VARCHAR. One dictionary serves every batch, so the IPC stream carries it
 * once.
 */
export class TextColumn implements ColumnBuilder {
  readonly #values: string[] = [];
  readonly #byString = new Map<string, number>();
  readonly #inline = new InlineCodes();
  readonly #segments: Segment[] = [];
  #codes = new Int32Array(0);
  #validity = new ValidityBuilder();

  constructor(readonly id: number) {}

  #code(s: string): number {
    let code = this.#byString.get(s);
    if (code === undefined) {
      code = this.#values.length;
      this.#values.push(s);
      this.#byString.set(s, code);
    }
    return code;
  }

  append(vector: DuckDBVector): void {
    const n = vector.itemCount;
    const at = this.#validity.length;
    this.#codes = grow(this.#codes, at + n);
    const view = LITTLE_ENDIAN ? varcharData(vector) : null;
    if (!view || view.byteOffset % 4 !== 0 || !this.#validity.appendVector(vector, n)) {
      for (let i = 0; i < n; i++) {
        const v = vector.getItem(i);
        this.#validity.push(v !== null && v !== undefined);
        this.#codes[at + i] = v === null || v === undefined ? 0 : this.#code(String(v));
      }
      return;
    }
    const w = new Int32Array(view.buffer, view.byteOffset, n * 4);
    const bytes = new Uint8Array(view.buffer, view.byteOffset, n * 16);
    const codes = this.#codes;
    // The previous row's string_t: sorted extracts repeat a value over neighbouring rows.
    let [p0, p1, p2, p3, pCode] = [-1, 0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      if (!this.#validity.valid(at + i)) {
        codes[at + i] = 0;
        continue;
      }
      const k = 4 * i;
      const len = w[k] as number;
      if (len > INLINE) {
        codes[at + i] = this.#code(vector.getItem(i) as string);
        continue;
      }
      const [a, b, c] = [w[k + 1] as number, w[k + 2] as number, w[k + 3] as number];
      if (len !== p0 || a !== p1 || b !== p2 || c !== p3) {
        pCode = this.#inline.get(len, a, b, c);
        if (pCode < 0) {
          pCode = this.#code(decoder.decode(bytes.subarray(16 * i + 4, 16 * i + 4 + len)));
          this.#inline.set(len, a, b, c, pCode);
        }
        [p0, p1, p2, p3] = [len, a, b, c];
      }
      codes[at + i] = pCode;
    }
  }

  seal(): void {
    const n = this.#validity.length;
    this.#segments.push({
      codes: this.#codes.slice(0, n),
      nullBitmap: this.#validity.finish(),
      nulls: this.#validity.nulls,
    });
    this.#codes = new Int32Array(0);
    this.#validity = new ValidityBuilder();
  }

  finish(): { type: DataType; data: readonly Data[] } {
    const rows = this.#segments.reduce((s, x) => s + x.codes.length - x.nulls, 0);
    const k = this.#values.length;
    const encoded = this.#values.map((v) => encoder.encode(v));
    if (k > 0 && k <= rows / 2) {
      const indices = k <= 0x7f ? new Int8() : k <= 0x7fff ? new Int16() : new Int32();
      const type = new Dictionary(new Utf8(), indices, this.id);
      const all = Int32Array.from({ length: k }, (_, i) => i);
      const dictionary = makeVector(utf8Data(encoded, { codes: all, nullBitmap: undefined, nulls: 0 }));
      const Indices = k <= 0x7f ? Int8Array : k <= 0x7fff ? Int16Array : Int32Array;
      const data = this.#segments.map((s) =>
        makeData({
          type,
          length: s.codes.length,
          nullCount: s.nulls,
          ...(s.nullBitmap && { nullBitmap: s.nullBitmap }),
          data: new Indices(s.codes),
          dictionary,
        }),
      );
      return { type, data };
    }
    return { type: new Utf8(), data: this.#segments.map((s) => utf8Data(encoded, s)) };
  }
}

/** Plain UTF-8 data of a segment: each row's value bytes copied from its dictionary entry. */
function utf8Data(encoded: readonly Uint8Array[], s: Segment): Data<Utf8> {
  const n = s.codes.length;
  const valid = (i: number) => !s.nullBitmap || ((s.nullBitmap[i >> 3] as number) >> (i & 7)) & 1;
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (valid(i)) total += (encoded[s.codes[i] as number] as Uint8Array).length;
    offsets[i + 1] = total;
  }
  const bytes = new Uint8Array(total);
  for (let i = 0; i < n; i++) {
    if (valid(i)) bytes.set(encoded[s.codes[i] as number] as Uint8Array, offsets[i] as number);
  }
  return makeData({
    type: new Utf8(),
    length: n,
    nullCount: s.nulls,
    ...(s.nullBitmap && { nullBitmap: s.nullBitmap }),
    valueOffsets: offsets,
    data: bytes,
  });
}
