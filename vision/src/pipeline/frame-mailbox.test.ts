import { describe, expect, it } from "vitest";
import { FrameMailbox } from "./frame-mailbox.ts";

const frame = (timestamp: number) => ({ cameraId: "c", image: new Uint8Array([1]), timestamp });

describe("FrameMailbox", () => {
  it("keep-latest: holds one frame, replaces it and counts the drop", async () => {
    const box = new FrameMailbox("keep-latest");
    await box.put(frame(1));
    await box.put(frame(2));
    await box.put(frame(3));
    expect(box.dropped).toBe(2);
    expect((await box.take())?.timestamp).toBe(3);
    const waiting = box.take();
    await box.put(frame(4));
    expect((await waiting)?.timestamp).toBe(4);
  });

  it("block: the reader waits until the frame is taken; nothing is dropped", async () => {
    const box = new FrameMailbox("block");
    await box.put(frame(1));
    let second = false;
    const put = box.put(frame(2)).then(() => (second = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(second).toBe(false);
    expect((await box.take())?.timestamp).toBe(1);
    await put;
    expect((await box.take())?.timestamp).toBe(2);
    expect(box.dropped).toBe(0);
  });

  it("end() still hands over the waiting frame; close() discards it", async () => {
    const ended = new FrameMailbox("block");
    await ended.put(frame(1));
    ended.end();
    expect((await ended.take())?.timestamp).toBe(1);
    expect(await ended.take()).toBeUndefined();
    const closed = new FrameMailbox("keep-latest");
    await closed.put(frame(1));
    closed.close();
    expect(await closed.take()).toBeUndefined();
  });
});
