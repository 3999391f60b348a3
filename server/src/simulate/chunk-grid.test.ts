import { describe, expect, it } from "vitest";
import { chunkCeil, chunkFloor, chunkNext, parseWindowBatchId, windowBatchId } from "./chunk-grid.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

describe("chunk grid", () => {
  it("cuts interval streams at their grain, exchange at local midnight and credit at local month starts", () => {
    const t = at("2026-11-30T17:37:12.000Z"); // 01:37 on 1 December in Tongnan (UTC+8)
    expect(iso(chunkFloor("traffic", t))).toBe("2026-11-30T17:37:00.000Z");
    expect(iso(chunkNext("septic", t))).toBe("2026-11-30T17:40:00.000Z");
    expect(iso(chunkFloor("energy", t))).toBe("2026-11-30T17:30:00.000Z");
    expect(iso(chunkNext("air", t))).toBe("2026-11-30T18:00:00.000Z");
    expect(iso(chunkFloor("exchange", t))).toBe("2026-11-30T16:00:00.000Z");
    expect(iso(chunkNext("exchange", t))).toBe("2026-12-01T16:00:00.000Z");
    expect(iso(chunkFloor("credit", t))).toBe("2026-11-30T16:00:00.000Z");
    expect(iso(chunkNext("credit", t))).toBe("2026-12-31T16:00:00.000Z");
    expect(iso(chunkCeil("credit", at("2026-11-24T16:00:00.000Z")))).toBe("2026-11-30T16:00:00.000Z");
    expect(chunkCeil("air", at("2026-11-24T16:00:00.000Z"))).toBe(at("2026-11-24T16:00:00.000Z"));
  });

  it("names windows so that a replay finds them, and tells derived batches apart", () => {
    const [a, b] = [at("2026-11-24T16:00:00.000Z"), at("2026-11-24T16:05:00.000Z")];
    const id = windowBatchId("septic", a, b);
    expect(id).toBe("sim:septic:2026-11-24T16:00:00.000Z/2026-11-24T16:05:00.000Z");
    expect(parseWindowBatchId(id)).toEqual({ stream: "septic", start: a, end: b });
    expect(parseWindowBatchId(windowBatchId("alerts", a, b, "septic"))).toBeUndefined();
    expect(/^[\w.:@/+=-]+$/.test(id)).toBe(true); // what the HTTP ingest route accepts
  });
});
