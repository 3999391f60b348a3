import type { DuckDBVector } from "@duckdb/node-api";
import { vectorValidity } from "./duckdb-vector-buffers.ts";

/** Grows a typed array to hold at least `need` entries (doubling), keeping its contents. */
export function grow<T extends Int32Array | Float64Array | Uint8Array>(arr: T, need: number): T {
  if (need <= arr.length) return arr;
  let size = Math.max(arr.length, 1024);
  while (size < need) size *= 2;
  const next = new (arr.constructor as new (n: number) => T)(size);
  next.set(arr);
  return next;
}

const POPCOUNT = new Uint8Array(256).map((_, i) => {
  let n = 0;
  for (let b = i; b; b >>= 1) n += b & 1;
  return n;
});

/**
 * The validity bitmap of one record batch's column, built chunk by chunk: absent until the
 * first NULL (Arrow allows no bitmap when nothing is null), then one bit per row.
 */
export class ValidityBuilder {
  bitmap: Uint8Array | null = null;
  nulls = 0;
  length = 0;

  /** Marks rows `[from, from + n)` of the batch from a chunk's vector; returns whether it could. */
  appendVector(vector: DuckDBVector, n: number): boolean {
    const bits = vectorValidity(vector);
    if (bits === null) return false;
    const from = this.length;
    this.length += n;
    if (bits === "all-valid") {
      if (this.bitmap) this.#setValid(from, n);
      return true;
    }
    let invalid = 0;
    const full = n >> 3;
    for (let i = 0; i < full; i++) invalid += 8 - (POPCOUNT[bits[i] as number] as number);
    for (let i = full * 8; i < n; i++) invalid += ((bits[i >> 3] as number) >> (i & 7)) & 1 ? 0 : 1;
    if (invalid === 0) {
      if (this.bitmap) this.#setValid(from, n);
      return true;
    }
    this.nulls += invalid;
    this.#ensure(from);
    const map = this.bitmap as Uint8Array;
    if ((from & 7) === 0) {
      map.set(bits.subarray(0, (n + 7) >> 3), from >> 3);
      return true;
    }
    for (let i = 0; i < n; i++) {
      const j = from + i;
      if (((bits[i >> 3] as number) >> (i & 7)) & 1) map[j >> 3] = (map[j >> 3] as number) | (1 << (j & 7));
      else map[j >> 3] = (map[j >> 3] as number) & ~(1 << (j & 7));
    }
    return true;
  }

  /** Appends one row. */
  push(valid: boolean): void {
    const j = this.length++;
    if (valid) {
      if (this.bitmap) this.#setValid(j, 1);
      return;
    }
    this.nulls++;
    this.#ensure(j);
    const map = this.bitmap as Uint8Array;
    map[j >> 3] = (map[j >> 3] as number) & ~(1 << (j & 7));
  }

  /** Whether row `i` of the batch is valid. */
  valid(i: number): boolean {
    return !this.bitmap || (((this.bitmap[i >> 3] as number) >> (i & 7)) & 1) === 1;
  }

  /** The bitmap trimmed to the batch, or undefined when no row is null. */
  finish(): Uint8Array | undefined {
    return this.nulls > 0 && this.bitmap ? this.bitmap.slice(0, (this.length + 7) >> 3) : undefined;
  }

  #ensure(upTo: number): void {
    const need = (this.length + 7) >> 3;
    if (!this.bitmap) {
      this.bitmap = grow(new Uint8Array(0), need);
      this.#fill(0, upTo);
    } else this.bitmap = grow(this.bitmap, need);
  }

  #setValid(from: number, n: number): void {
    this.bitmap = grow(this.bitmap as Uint8Array, (from + n + 7) >> 3);
    this.#fill(from, n);
  }

  #fill(from: number, n: number): void {
    const map = this.bitmap as Uint8Array;
    let j = from;
    const end = from + n;
    for (; j < end && j & 7; j++) map[j >> 3] = (map[j >> 3] as number) | (1 << (j & 7));
    const bytesEnd = end >> 3;
    if (j >> 3 < bytesEnd) {
      map.fill(0xff, j >> 3, bytesEnd);
      j = bytesEnd << 3;
    }
    for (; j < end; j++) map[j >> 3] = (map[j >> 3] as number) | (1 << (j & 7));
  }
}
