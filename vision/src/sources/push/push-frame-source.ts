import type { EncodedFrame } from "../../backend/inference-backend.ts";
import type { FrameSource } from "../frame-source.ts";
import { PushFrameError } from "./push-frame-error.ts";

/** A {@link FrameSource} fed by its owner, e.g. from JPEGs a camera POSTs. */
export interface PushFrameSource extends FrameSource {
  /**
   * Queues a frame; when `maxBuffered` frames already wait, the oldest is dropped.
   * @throws {PushFrameError} `out_of_order` when `timestamp` is earlier than the previous
   *   frame's (frames come out in capture order), `unavailable` after `end()` or `close()`.
   */
  push(image: Uint8Array, timestamp?: number): void;
  /** No more frames: `frames()` ends once the buffered ones are read. */
  end(): void;
  /** Frames dropped because the reader fell behind. */
  readonly dropped: number;
  /** Frames pushed and not yet read. */
  readonly buffered: number;
}

/**
 * Creates a push-fed frame source. A live camera should not build a backlog: when the reader
 * falls behind, the oldest waiting frames are dropped, so the detector always works on recent ones.
 *
 * @example
 * const source = createPushFrameSource({ cameraId: "gate-3" });
 * app.post("/api/cameras/gate-3/frames", async (c) => (source.push(new Uint8Array(await c.req.arrayBuffer())), c.body(null, 202)));
 */
export function createPushFrameSource(options: { cameraId: string; maxBuffered?: number }): PushFrameSource {
  const { cameraId } = options;
  const maxBuffered = options.maxBuffered ?? 8;
  const buffer: EncodedFrame[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let closed = false;
  let dropped = 0;
  let lastTimestamp = -Infinity;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  return {
    cameraId,
    waitingFor: `its first frame pushed to POST /api/cameras/${cameraId}/frames`,
    get dropped() {
      return dropped;
    },
    get buffered() {
      return buffer.length;
    },
    push(image: Uint8Array, timestamp = Date.now()): void {
      if (ended || closed) {
        throw new PushFrameError(
          "unavailable",
          cameraId,
          `camera "${cameraId}": frame pushed after the source ended`,
        );
      }
      if (timestamp < lastTimestamp) {
        throw new PushFrameError(
          "out_of_order",
          cameraId,
          `camera "${cameraId}": frame captured at ${new Date(timestamp).toISOString()} is older than the previous frame ` +
            `(${new Date(lastTimestamp).toISOString()}); push frames in capture order`,
        );
      }
      lastTimestamp = timestamp;
      buffer.push({ cameraId, image, timestamp });
      while (buffer.length > maxBuffered) {
        buffer.shift();
        dropped += 1;
      }
      notify();
    },
    end(): void {
      ended = true;
      notify();
    },
    async *frames(): AsyncGenerator<EncodedFrame> {
      while (!closed) {
        const frame = buffer.shift();
        if (frame) {
          yield frame;
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async close(): Promise<void> {
      closed = true;
      buffer.length = 0;
      notify();
    },
  };
}
