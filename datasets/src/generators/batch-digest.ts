/**
 * A digest of generated rows: equal digests mean equal rows, column by column, however the rows
 * were cut into batches. Used to check that generators are deterministic (same seed → identical
 * output) without keeping the rows.
 */
import { isDictColumn, type Column, type ColumnBatch } from "../schema/index.ts";

const mix = (h: number, byte: number) => Math.imul(h ^ byte, 0x01000193);

/** Two 32-bit FNV-1a lanes. */
class Lane {
  a = 0x811c9dc5;
  b = 0x01234567;

  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.byte(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >>> 8);
    this.byte(0, 0);
  }

  byte(x: number, y = 0): void {
    this.a = mix(mix(this.a, x), y);
    this.b = mix(mix(this.b, x ^ 0x5a), y);
  }

  bytes(u: Uint8Array): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < u.length; i++) {
      const x = u[i] as number;
      a = mix(a, x);
      b = mix(b, x ^ 0x5a);
    }
    this.a = a;
    this.b = b;
  }
}

const view = (t: Float64Array | Int32Array) => new Uint8Array(t.buffer, t.byteOffset, t.byteLength);

/** Running digest of rows, one lane per column; batch boundaries do not matter. */
export class BatchDigest {
  rows = 0;
  private readonly lanes = new Map<string, Lane>();
  private readonly seen = new Set<readonly string[]>();

  /** Adds a batch's rows. */
  add(batch: ColumnBatch): this {
    this.rows += batch.length;
    for (const [name, col] of Object.entries(batch.columns)) {
      let lane = this.lanes.get(name);
      if (!lane) this.lanes.set(name, (lane = new Lane()));
      this.column(lane, col);
    }
    return this;
  }

  private column(lane: Lane, col: Column): void {
    if (isDictColumn(col)) {
      if (!this.seen.has(col.dictionary)) {
        this.seen.add(col.dictionary);
        lane.text(col.dictionary.join("\u0001"));
      }
      lane.bytes(view(col.codes));
    } else if (col instanceof Float64Array || col instanceof Int32Array) {
      lane.bytes(view(col));
    } else {
      for (const v of col as readonly unknown[]) lane.text(JSON.stringify(v) ?? "undefined");
    }
  }

  /** Hex digest of everything added so far. */
  hex(): string {
    const all = new Lane();
    for (const name of [...this.lanes.keys()].sort()) {
      const lane = this.lanes.get(name) as Lane;
      all.text(`${name}:${lane.a}:${lane.b}`);
    }
    const hex = (x: number) => (x >>> 0).toString(16).padStart(8, "0");
    return `${hex(all.a)}${hex(all.b)}`;
  }
}

/** Row count and digest of all batches of an iterable, e.g. a stream generator's output. */
export function digestBatches(batches: Iterable<ColumnBatch>): { rows: number; digest: string } {
  const d = new BatchDigest();
  for (const b of batches) d.add(b);
  return { rows: d.rows, digest: d.hex() };
}
