import { DuckDBTypeId, type DuckDBVector } from "@duckdb/node-api";
import {
  Bool,
  DateDay,
  Float64,
  Int32,
  TimestampMillisecond,
  makeData,
  type Data,
  type DataType,
} from "apache-arrow";
import { grow, ValidityBuilder } from "./arrow-validity.ts";
import { LITTLE_ENDIAN, vectorItems, type ItemsArray } from "./duckdb-vector-buffers.ts";

/** Builds one Arrow column from DuckDB result chunks, one `Data` per record batch. */
export interface ColumnBuilder {
  /** Appends every row of a chunk's vector to the current batch. */
  append(vector: DuckDBVector): void;
  /** Ends the current batch. */
  seal(): void;
  /** The column's Arrow type and its data, one per sealed batch. */
  finish(): { readonly type: DataType; readonly data: readonly Data[] };
}

type Kind = "f64" | "i32" | "date" | "ts" | "bool";

const TYPES: Record<Kind, () => DataType> = {
  f64: () => new Float64(),
  i32: () => new Int32(),
  date: () => new DateDay(),
  ts: () => new TimestampMillisecond(),
  bool: () => new Bool(),
};

/** Storage typed array of each DuckDB type whose values copy without a per-value read. */
const ITEMS: Partial<Record<DuckDBTypeId, new (...args: never[]) => ItemsArray>> = {
  [DuckDBTypeId.DOUBLE]: Float64Array,
  [DuckDBTypeId.FLOAT]: Float32Array,
  [DuckDBTypeId.INTEGER]: Int32Array,
  [DuckDBTypeId.SMALLINT]: Int16Array,
  [DuckDBTypeId.TINYINT]: Int8Array,
  [DuckDBTypeId.UTINYINT]: Uint8Array,
  [DuckDBTypeId.USMALLINT]: Uint16Array,
  [DuckDBTypeId.BIGINT]: BigInt64Array,
  [DuckDBTypeId.DATE]: Int32Array,
  [DuckDBTypeId.TIMESTAMP]: BigInt64Array,
};

/** Arrow kind of a DuckDB type: counts and sums of any width become float64 (exact below 2^53). */
export function fixedKind(typeId: DuckDBTypeId): Kind {
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return "bool";
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return "i32";
    case DuckDBTypeId.DATE:
      return "date";
    case DuckDBTypeId.TIMESTAMP:
      return "ts";
    default:
      return "f64";
  }
}

const TWO32 = 4294967296;

/** Per-value reader: what `getItem` returns, as the number the Arrow column stores. */
function readValue(kind: Kind, v: unknown): number {
  if (kind === "date") return (v as { days: number }).days;
  if (kind === "ts") return Number((v as { micros: bigint }).micros / 1000n);
  if (kind === "bool") return v ? 1 : 0;
  return typeof v === "number" ? v : Number((v as { toString(): string }).toString());
}

/**
 * A column of a fixed-width Arrow type. The values of a chunk are copied from DuckDB's memory
 * in one pass (typed-array `set`, or a tight loop for 64-bit integers and timestamps) with the
 * validity mask copied as bytes; a type without such a view is read value by value.
 */
export class FixedColumn implements ColumnBuilder {
  readonly #kind: Kind;
  readonly #items: (new (...args: never[]) => ItemsArray) | undefined;
  // Float64 columns fill `f64`; every other kind fills `i32` (timestamps as two words a row).
  #f64 = new Float64Array(0);
  #i32 = new Int32Array(0);
  #validity = new ValidityBuilder();
  readonly #data: Data[] = [];

  constructor(readonly typeId: DuckDBTypeId) {
    this.#kind = fixedKind(typeId);
    this.#items = this.#kind === "bool" ? undefined : ITEMS[typeId];
  }

  append(vector: DuckDBVector): void {
    const n = vector.itemCount;
    const at = this.#validity.length;
    const items = this.#items && LITTLE_ENDIAN ? vectorItems(vector, this.#items) : null;
    if (items && this.#validity.appendVector(vector, n)) this.#copy(items, at, n);
    else this.#perValue(vector, at, n);
  }

  #copy(items: ItemsArray, at: number, n: number): void {
    const kind = this.#kind;
    if (kind === "f64") {
      this.#f64 = grow(this.#f64, at + n);
      if (items instanceof BigInt64Array) {
        const w = new Int32Array(items.buffer, items.byteOffset, n * 2);
        for (let i = 0; i < n; i++)
          this.#f64[at + i] = (w[2 * i + 1] as number) * TWO32 + ((w[2 * i] as number) >>> 0);
      } else this.#f64.set(items, at);
      return;
    }
    if (kind !== "ts") {
      this.#i32 = grow(this.#i32, at + n);
      this.#i32.set(items as Exclude<ItemsArray, BigInt64Array>, at);
      return;
    }
    // Microseconds → milliseconds without a BigInt per value: both fit a double exactly.
    this.#i32 = grow(this.#i32, (at + n) * 2);
    const w = new Int32Array(items.buffer, items.byteOffset, n * 2);
    const out = this.#i32;
    for (let i = 0; i < n; i++) {
      const micros = (w[2 * i + 1] as number) * TWO32 + ((w[2 * i] as number) >>> 0);
      if (Math.abs(micros) >= 2 ** 52) {
        this.#putMs(at + i, Number(((items as BigInt64Array)[i] ?? 0n) / 1000n));
        continue;
      }
      const ms = Math.trunc(micros / 1000);
      const hi = Math.floor(ms / TWO32);
      out[2 * (at + i)] = ms - hi * TWO32;
      out[2 * (at + i) + 1] = hi;
    }
  }

  #putMs(row: number, ms: number): void {
    const hi = Math.floor(ms / TWO32);
    this.#i32[2 * row] = ms - hi * TWO32;
    this.#i32[2 * row + 1] = hi;
  }

  #perValue(vector: DuckDBVector, at: number, n: number): void {
    const kind = this.#kind;
    if (kind === "f64") this.#f64 = grow(this.#f64, at + n);
    else this.#i32 = grow(this.#i32, (at + n) * (kind === "ts" ? 2 : 1));
    for (let i = 0; i < n; i++) {
      const v = vector.getItem(i);
      const valid = v !== null && v !== undefined;
      this.#validity.push(valid);
      if (!valid) continue;
      const x = readValue(kind, v);
      if (kind === "f64") this.#f64[at + i] = x;
      else if (kind === "ts") this.#putMs(at + i, x);
      else this.#i32[at + i] = x;
    }
  }

  seal(): void {
    const n = this.#validity.length;
    const nullBitmap = this.#validity.finish();
    const type = TYPES[this.#kind]();
    const values =
      this.#kind === "f64"
        ? this.#f64.slice(0, n)
        : this.#kind === "ts"
          ? new BigInt64Array(this.#i32.slice(0, n * 2).buffer)
          : this.#kind === "bool"
            ? packBits(this.#i32, n)
            : this.#i32.slice(0, n);
    const nullCount = this.#validity.nulls;
    this.#data.push(
      makeData({ type, length: n, data: values, nullCount, ...(nullBitmap && { nullBitmap }) } as Parameters<
        typeof makeData
      >[0]),
    );
    this.#f64 = new Float64Array(0);
    this.#i32 = new Int32Array(0);
    this.#validity = new ValidityBuilder();
  }

  finish(): { type: DataType; data: readonly Data[] } {
    return { type: TYPES[this.#kind](), data: this.#data };
  }
}

function packBits(values: Int32Array, n: number): Uint8Array {
  const out = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (values[i]) out[i >> 3] = (out[i >> 3] as number) | (1 << (i & 7));
  return out;
}
