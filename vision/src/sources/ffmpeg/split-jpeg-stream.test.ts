import { describe, expect, it } from "vitest";
import { JpegStreamSplitter } from "./split-jpeg-stream.ts";

const jpeg = (...body: number[]): number[] => [0xff, 0xd8, ...body, 0xff, 0xd9];

describe("JpegStreamSplitter", () => {
  it("cuts concatenated JPEGs however the chunks fall", () => {
    const stream = Uint8Array.from([...jpeg(1, 0xff, 0x00, 2), ...jpeg(3), ...jpeg(0xff, 0xd0, 4)]);
    for (const size of [1, 2, 3, 7, stream.length]) {
      const splitter = new JpegStreamSplitter();
      const images: number[][] = [];
      for (let i = 0; i < stream.length; i += size) {
        images.push(...splitter.push(stream.subarray(i, i + size)).map((x) => Array.from(x)));
      }
      expect(images, `chunks of ${size}`).toEqual([jpeg(1, 0xff, 0x00, 2), jpeg(3), jpeg(0xff, 0xd0, 4)]);
      expect(splitter.pendingBytes).toBe(0);
    }
  });

  it("reports an incomplete tail and rejects a stream that is not MJPEG", () => {
    const splitter = new JpegStreamSplitter();
    expect(splitter.push(Uint8Array.from([0xff, 0xd8, 1, 2]))).toEqual([]);
    expect(splitter.pendingBytes).toBe(4);
    expect(() => new JpegStreamSplitter().push(Uint8Array.from([0x89, 0x50, 0x4e]))).toThrow(
      /expected a JPEG start marker, got bytes 89 50/,
    );
  });
});
