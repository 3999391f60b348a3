import { describe, expect, it } from "vitest";
import { detectionAt, scriptedBackend } from "../testing/scripted-backend.ts";
import { cachingBackend } from "./detection-cache.ts";

describe("cachingBackend", () => {
  it("detects each distinct frame once and answers repeats from memory, stamped as asked", async () => {
    const inner = scriptedBackend((t) => [detectionAt(100 + t, 300)]);
    const backend = cachingBackend(inner);
    const frame = (bytes: number[], timestamp: number) => ({
      cameraId: "QA",
      image: Uint8Array.from(bytes),
      timestamp,
    });
    const first = await backend.detect(frame([1, 2, 3], 10));
    const again = await backend.detect(frame([1, 2, 3], 500));
    await backend.detect(frame([4, 5, 6], 20));
    expect(inner.calls).toBe(2);
    expect([backend.hits, backend.misses]).toEqual([1, 2]);
    expect(again.timestamp).toBe(500);
    expect(again.detections).toEqual(first.detections);
    again.detections[0]!.box.x1 = -1;
    expect((await backend.detect(frame([1, 2, 3], 0))).detections).toEqual(first.detections);
  });
});
