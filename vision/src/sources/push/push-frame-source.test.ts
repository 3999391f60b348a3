import { describe, expect, it } from "vitest";
import { PushFrameError } from "./push-frame-error.ts";
import { createPushFrameSource } from "./push-frame-source.ts";

const JPEG = new Uint8Array([0xff, 0xd8, 0xff]);

describe("createPushFrameSource", () => {
  it("keeps frames in capture order, refusing an older one with the camera and both times", () => {
    const source = createPushFrameSource({ cameraId: "gate-3" });
    source.push(JPEG, Date.UTC(2026, 2, 1, 8, 0, 1));
    source.push(JPEG, Date.UTC(2026, 2, 1, 8, 0, 1)); // same instant: fine
    let error: unknown;
    try {
      source.push(JPEG, Date.UTC(2026, 2, 1, 8, 0, 0));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PushFrameError);
    expect(error).toMatchObject({
      code: "out_of_order",
      cameraId: "gate-3",
      message:
        'camera "gate-3": frame captured at 2026-03-01T08:00:00.000Z is older than the previous frame ' +
        "(2026-03-01T08:00:01.000Z); push frames in capture order",
    });
    expect(source.buffered).toBe(2);
  });

  it("drops the oldest waiting frames beyond maxBuffered and refuses frames after end", () => {
    const source = createPushFrameSource({ cameraId: "gate-3", maxBuffered: 2 });
    for (let i = 0; i < 5; i++) source.push(JPEG, i);
    expect([source.buffered, source.dropped]).toEqual([2, 3]);
    source.end();
    expect(() => source.push(JPEG, 9)).toThrow(
      expect.objectContaining({
        code: "unavailable",
        message: 'camera "gate-3": frame pushed after the source ended',
      }),
    );
  });
});
