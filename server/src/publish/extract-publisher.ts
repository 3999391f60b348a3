import {
  publishExtractsStaged,
  stopFinishing,
  type ExtractDef,
  type IngestResult,
  type Manifest,
  type Store,
} from "@citybrain/analytics";
import type { StreamName } from "@citybrain/datasets";
import type { EventHub } from "../events/event-hub.ts";

/** Options of {@link ExtractPublisher}. */
export interface ExtractPublisherOptions {
  readonly store: Store;
  readonly root: string;
  readonly extracts: readonly ExtractDef[];
  readonly hub?: EventHub;
  /** Coalesces writes into at most one publish per this many ms (default 1000 ms). */
  readonly debounceMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * Republishes extracts after writes, coalescing bursts and never running two publishes at
 * once. A publish is announced (`extracts-updated`) as soon as its Arrow files are live; their
 * compressed and Parquet siblings follow in the background and need no announcement (the
 * server offers only codings the manifest lists). A failed publish (disk full, …) keeps the
 * last good manifest serving and is reported by {@link ExtractPublisher.state}, as is a failed
 * sibling (the Arrow file still serves, uncompressed).
 */
export class ExtractPublisher {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #lastError: string | undefined;
  #finishError: string | undefined;
  #last: Manifest | undefined;
  /** Streams written since the last publish, with the time range each write touched. */
  #changed = new Map<StreamName, [number, number] | null>();
  #everything = false;

  constructor(readonly options: ExtractPublisherOptions) {}

  /** The last published manifest and the last error, for health checks. */
  state(): { ok: boolean; version: number | null; detail?: string } {
    const detail = this.#lastError ?? this.#finishError;
    return {
      ok: detail === undefined,
      version: this.#last?.version ?? null,
      ...(detail !== undefined && { detail }),
    };
  }

  /** Publishes now (waits for a running publish first). */
  async publishNow(): Promise<Manifest | undefined> {
    if (this.#running) {
      this.#again = true;
      await this.#running;
      return this.#last;
    }
    this.#running = this.#publish();
    try {
      await this.#running;
    } finally {
      this.#running = undefined;
    }
    if (this.#again) {
      this.#again = false;
      return this.publishNow();
    }
    return this.#last;
  }

  /** Notes what an ingest wrote, so the next publish recomputes only what depends on it. */
  noteIngest(result: Pick<IngestResult, "stream" | "timeRange">): void {
    const prev = this.#changed.get(result.stream);
    const r = result.timeRange;
    // An unknown range (null) anywhere means "recompute every month" for that stream.
    if (!r || prev === null) this.#changed.set(result.stream, null);
    else
      this.#changed.set(
        result.stream,
        prev ? [Math.min(prev[0], r[0]), Math.max(prev[1], r[1])] : [r[0], r[1]],
      );
  }

  /** The next publish recomputes every extract (reference tables changed, a rebuild …). */
  noteEverything(): void {
    this.#everything = true;
  }

  async #publish(): Promise<void> {
    const changed = this.#changed;
    const everything = this.#everything || changed.size === 0;
    this.#changed = new Map();
    this.#everything = false;
    const ranges: Partial<Record<StreamName, readonly [number, number]>> = {};
    for (const [stream, range] of changed) if (range) ranges[stream] = range;
    try {
      const staged = await publishExtractsStaged(
        this.options.store,
        this.options.root,
        this.options.extracts,
        everything ? {} : { changedStreams: [...changed.keys()], changedRanges: ranges },
      );
      this.#last = staged.manifest;
      this.#lastError = undefined;
      staged.finished.then(
        () => (this.#finishError = undefined),
        (e: Error) => {
          this.#finishError = `writing compressed or Parquet siblings failed: ${e.message}`;
          this.options.log?.(this.#finishError);
        },
      );
      this.options.hub?.publish("extracts-updated", {
        version: this.#last.version,
        generatedAt: this.#last.generatedAt,
      });
    } catch (e) {
      // Try again with everything next time: what this publish should have covered is not lost.
      for (const [stream, range] of changed) this.noteIngest({ stream, timeRange: range });
      this.#lastError = `publishing extracts failed: ${(e as Error).message}`;
      this.options.log?.(this.#lastError);
    }
  }

  /**
   * Schedules a publish at most `debounceMs` from now: writes within that window share it, and a
   * steady stream of writes still publishes once per window (never starved).
   */
  schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.publishNow();
    }, this.options.debounceMs ?? 1000);
  }

  /**
   * Cancels a scheduled publish, waits for a running one and stops background sibling writing
   * (what is left is queued again by the next publish): the store can be closed after it.
   */
  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
    await stopFinishing(this.options.root);
  }
}
