/**
 * A growable byte buffer for text output. Building CSV/NDJSON as JS strings spent most of its
 * time concatenating and then UTF-8-encoding ropes; writing bytes straight into one buffer is
 * several times faster (see bench/generate.bench.ts).
 */
export class ByteBuffer {
  buf: Uint8Array;
  pos = 0;

  constructor(capacity = 1 << 20) {
    this.buf = new Uint8Array(capacity);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Appends bytes (room must have been ensured). */
  bytes(b: Uint8Array): void {
    const buf = this.buf;
    let p = this.pos;
    if (b.length > 32) {
      buf.set(b, p);
      p += b.length;
    } else for (let k = 0; k < b.length; k++) buf[p++] = b[k] as number;
    this.pos = p;
  }

  /** Appends a string known to be ASCII (numbers, ISO times); ensures room itself. */
  ascii(s: string): void {
    this.ensure(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let k = 0; k < s.length; k++) buf[p++] = s.charCodeAt(k);
    this.pos = p;
  }

  /** Appends any string as UTF-8; ensures room itself. */
  utf8(s: string): void {
    this.ensure(s.length * 3);
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /**
   * Hands over the bytes written so far and continues in `spare` (emptied), so that the caller
   * can write the full buffer to disk while more rows are formatted.
   */
  swap(spare: Uint8Array): Uint8Array {
    const full = this.buf.subarray(0, this.pos);
    this.buf = spare;
    this.pos = 0;
    return full;
  }
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}
