import type { DuckDBVector } from "@duckdb/node-api";

/**
 * The memory behind a result vector of @duckdb/node-api, for copying a whole column at once
 * instead of calling `getItem` per value. The package keeps these views in fields its typings
 * call private (`items`, `dataView`, `validity.data`), so every accessor checks what it finds
 * and returns null when the shape is not the expected one: callers then take the per-value
 * path, which is slower but always right. `duckdb-vector-buffers.test.ts` fails when an upgrade
 * of the package takes the fast path away.
 */
interface RawVector {
  readonly items?: unknown;
  readonly dataView?: unknown;
  readonly validity?: { readonly data?: unknown; readonly offset?: unknown };
}

const raw = (v: DuckDBVector) => v as unknown as RawVector;

/** Typed array constructors a vector's `items` may be, by DuckDB storage type. */
export type ItemsArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array;

/**
 * The vector's values as a typed array view (fixed-width types: integers, floats, DATE days,
 * TIMESTAMP microseconds, ENUM codes), or null when not available. Entries of NULL rows hold
 * garbage. The view is only valid until the next chunk is fetched: copy it.
 */
export function vectorItems<T extends ItemsArray>(
  vector: DuckDBVector,
  kind: new (...args: never[]) => T,
): T | null {
  const items = raw(vector).items;
  return items instanceof kind && (items as T).length === vector.itemCount ? (items as T) : null;
}

/** The `duckdb_string_t` array (16 bytes per row) of a VARCHAR vector, or null. */
export function varcharData(vector: DuckDBVector): DataView | null {
  const view = raw(vector).dataView;
  return view instanceof DataView && view.byteLength >= vector.itemCount * 16 ? view : null;
}

/**
 * The validity bitmap of a vector as bytes (bit i set = row i valid, least significant bit
 * first: DuckDB's 64-bit validity words in little-endian memory are Arrow's bitmap layout),
 * `"all-valid"` when DuckDB keeps no mask, or null when it cannot be read.
 */
export function vectorValidity(vector: DuckDBVector): Uint8Array | "all-valid" | null {
  const validity = raw(vector).validity;
  if (!validity || validity.offset !== 0) return null;
  const data = validity.data;
  if (data === null) return "all-valid";
  if (!(data instanceof BigUint64Array) || data.length * 64 < vector.itemCount) return null;
  return new Uint8Array(data.buffer, data.byteOffset, (vector.itemCount + 7) >> 3);
}

/** Whether this machine stores integers little-endian (Arrow's and DuckDB's bitmaps assume so). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
