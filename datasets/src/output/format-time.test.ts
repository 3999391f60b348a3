import { describe, expect, it } from "vitest";
import { ByteBuffer } from "./byte-buffer.ts";
import { csvQuote } from "./csv-format.ts";
import { writeIsoDate, writeIsoTimestamp } from "./format-time.ts";

const text = (f: (out: ByteBuffer) => void) => {
  const out = new ByteBuffer(4);
  f(out);
  return new TextDecoder().decode(out.swap(new Uint8Array(4)));
};

describe("ISO times", () => {
  it("matches Date#toISOString, across days, years and before 1970", () => {
    let state = 7;
    for (let k = 0; k < 20_000; k++) {
      state = (state * 1103515245 + 12345) >>> 0;
      const ms = Math.round((state / 4294967296 - 0.3) * 4e12);
      expect(text((o) => writeIsoTimestamp(o, ms))).toBe(new Date(ms).toISOString());
    }
    expect(text((o) => writeIsoTimestamp(o, Date.UTC(2028, 1, 29, 23, 59, 59, 999)))).toBe(
      "2028-02-29T23:59:59.999Z",
    );
    expect(text((o) => writeIsoTimestamp(o, 0.6))).toBe("1970-01-01T00:00:00.001Z");
  });

  it("writes epoch days as dates and refuses what is not a time", () => {
    expect(text((o) => writeIsoDate(o, 20_513))).toBe("2026-03-01");
    expect(text((o) => writeIsoDate(o, -1))).toBe("1969-12-31");
    expect(() => text((o) => writeIsoDate(o, 1.5))).toThrow(/whole days/);
    expect(() => text((o) => writeIsoTimestamp(o, Number.NaN))).toThrow(/epoch milliseconds/);
  });
});

describe("csvQuote", () => {
  it("quotes only what RFC 4180 (or a trimming reader) needs", () => {
    expect(csvQuote("plain 文本")).toBe("plain 文本");
    expect(csvQuote("a,b")).toBe('"a,b"');
    expect(csvQuote('say "hi"')).toBe('"say ""hi"""');
    expect(csvQuote("two\nlines")).toBe('"two\nlines"');
    expect(csvQuote(" padded")).toBe('" padded"');
    expect(csvQuote("")).toBe('""');
  });
});
