import type { FrameSource } from "../sources/frame-source.ts";
import type { HealthTracker } from "./camera-health.ts";
import type { FrameMailbox } from "./frame-mailbox.ts";

/** Restart policy of a failing source: exponential backoff, or `false` to stop at the first failure. */
export type RestartPolicy = { initialDelayMs?: number; maxDelayMs?: number } | false;

/**
 * Reads a camera's source into its mailbox until the source ends or `stop()` is called. A
 * source that throws marks the camera offline with its message and is started again after a
 * backoff (1 s doubling to 30 s by default); each restart is counted in health. The mailbox is
 * ended when reading stops, so the processor finishes the frame in hand and then stops too.
 */
export class SourceReader {
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly source: FrameSource,
    private readonly mailbox: FrameMailbox,
    private readonly health: HealthTracker,
    private readonly restart: RestartPolicy = {},
  ) {}

  async run(): Promise<void> {
    const restart = this.restart === false ? undefined : this.restart;
    const initial = restart?.initialDelayMs ?? 1000;
    let delay = initial;
    while (!this.stopped) {
      try {
        for await (const frame of this.source.frames()) {
          if (this.stopped) break;
          this.health.frameReceived();
          delay = initial;
          await this.mailbox.put(frame);
        }
        if (!this.stopped) this.health.failure("ended", "the source ended (end of the video file)");
        break;
      } catch (error) {
        if (this.stopped) break;
        const message = error instanceof Error ? error.message : String(error);
        this.health.failure("offline", message);
        if (!restart) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wake = () => (clearTimeout(timer), resolve());
        });
        this.wake = undefined;
        delay = Math.min(delay * 2, restart.maxDelayMs ?? 30_000);
        if (this.stopped) break;
        this.health.restarts += 1;
        this.health.reason = `${message} (restart ${this.health.restarts})`;
      }
    }
    this.mailbox.end();
  }

  /** Stops reading: cuts a backoff wait short and closes the source. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.source.close();
  }
}
