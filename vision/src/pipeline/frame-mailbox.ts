import type { EncodedFrame } from "../backend/inference-backend.ts";

/**
 * What happens when frames arrive faster than the detector takes them:
 * - `keep-latest` (live cameras): one frame waits at most; a newer one replaces it and the
 *   older is counted as dropped, so the detector always works on the newest frame;
 * - `block` (files, QA runs): the reader waits until the frame is taken, so every frame is
 *   processed and the file is read no faster than the detector.
 */
export type OverloadPolicy = "keep-latest" | "block";

/** A one-frame hand-over between a camera's reader and its processor; never a growing queue. */
export class FrameMailbox {
  private frame: EncodedFrame | undefined;
  private closed = false;
  private waitingTaker: ((frame: EncodedFrame | undefined) => void) | undefined;
  private waitingPutter: (() => void) | undefined;
  /** Frames replaced before they were taken. */
  dropped = 0;

  constructor(readonly policy: OverloadPolicy) {}

  /** Whether a frame waits to be taken (the processor is busy with an earlier one). */
  get waiting(): boolean {
    return this.frame !== undefined;
  }

  /** Offers a frame; with `block` it resolves once the previous frame has been taken. */
  async put(frame: EncodedFrame): Promise<void> {
    if (this.closed) return;
    if (this.waitingTaker) {
      const take = this.waitingTaker;
      this.waitingTaker = undefined;
      take(frame);
      return;
    }
    if (this.frame && this.policy === "block") {
      await new Promise<void>((resolve) => (this.waitingPutter = resolve));
      if (this.closed) return;
      return this.put(frame);
    }
    if (this.frame) this.dropped += 1;
    this.frame = frame;
  }

  /** The next frame; `undefined` once closed. */
  take(): Promise<EncodedFrame | undefined> {
    const frame = this.frame;
    if (frame) {
      this.frame = undefined;
      this.release();
      return Promise.resolve(frame);
    }
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waitingTaker = resolve));
  }

  /** No more frames: the one waiting is still taken, then `take` answers `undefined`. */
  end(): void {
    this.closed = true;
    if (!this.frame) {
      this.waitingTaker?.(undefined);
      this.waitingTaker = undefined;
    }
    this.release();
  }

  /** Ends the hand-over now: the waiting frame is discarded, a waiting `take` gets `undefined`, a waiting `put` returns. */
  close(): void {
    this.closed = true;
    this.frame = undefined;
    this.waitingTaker?.(undefined);
    this.waitingTaker = undefined;
    this.release();
  }

  private release(): void {
    const resume = this.waitingPutter;
    this.waitingPutter = undefined;
    resume?.();
  }
}
