const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];

/**
 * Cuts a stream of concatenated JPEGs (ffmpeg's `image2pipe` MJPEG output) into single images.
 * Within a JPEG's entropy-coded data every 0xFF byte is followed by 0x00 or a restart marker, so
 * the first FF D9 after a start-of-image marks the image's end.
 */
export class JpegStreamSplitter {
  private buffer = new Uint8Array(0);
  private scanFrom = 2;

  /** Adds a chunk; returns the images it completed, in order. */
  push(chunk: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    const images: Uint8Array[] = [];
    for (;;) {
      if (this.buffer.length < 2) break;
      if (this.buffer[0] !== SOI[0] || this.buffer[1] !== SOI[1]) {
        throw new Error(
          `MJPEG stream: expected a JPEG start marker, got bytes ${hex(this.buffer.subarray(0, 2))}`,
        );
      }
      const end = this.findEnd();
      if (end < 0) break;
      images.push(this.buffer.slice(0, end));
      this.buffer = this.buffer.subarray(end);
      this.scanFrom = 2;
    }
    return images;
  }

  /** Bytes of an image still incomplete (non-zero at the end of a stream means it was cut short). */
  get pendingBytes(): number {
    return this.buffer.length;
  }

  private findEnd(): number {
    const b = this.buffer;
    for (let i = Math.max(this.scanFrom, 2); i + 1 < b.length; i++) {
      if (b[i] === EOI[0] && b[i + 1] === EOI[1]) return i + 2;
    }
    this.scanFrom = Math.max(2, b.length - 1);
    return -1;
  }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (x) => x.toString(16).padStart(2, "0")).join(" ");
}
