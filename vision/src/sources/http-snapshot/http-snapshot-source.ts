import type { EncodedFrame } from "../../backend/inference-backend.ts";
import type { FrameSource } from "../frame-source.ts";
import type { SourceStatus } from "../source-status.ts";
import { redactUrl } from "../redact-url.ts";

/** Options of {@link createHttpSnapshotSource}. */
export interface HttpSnapshotSourceOptions {
  cameraId: string;
  /** A URL answering GET with one JPEG (most IP cameras have one, e.g. `/ISAPI/Streaming/channels/1/picture`). */
  url: string;
  /** Polls per second. */
  fps: number;
  /** Extra request headers (e.g. `Authorization`). */
  headers?: Record<string, string>;
  /** One request may take this long, ms. @default 5000 */
  timeoutMs?: number;
  /** Wait after a failure: `initialMs`, doubling to `maxMs`. @default { initialMs: 500, maxMs: 30000 } */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Give up (`frames()` throws) after this many failures in a row. @default Infinity (keep retrying) */
  maxFailures?: number;
  /** End after this many frames (one-shot grabs, tests). @default Infinity */
  maxFrames?: number;
  /** Clock for frame timestamps and status. @default Date.now */
  now?: () => number;
}

/** An HTTP snapshot source: a {@link FrameSource} with its connection {@link SourceStatus}. */
export interface HttpSnapshotSource extends FrameSource {
  status(): SourceStatus;
}

/**
 * A {@link FrameSource} that polls a snapshot URL `fps` times a second with `fetch`. Frames are
 * timestamped when they arrive. A slow camera is not caught up with a burst: polls that fall
 * behind are skipped. Failures (network error, timeout, non-2xx, an empty or non-image body)
 * are retried with exponential backoff, and `status()` says what went wrong; an unchanged
 * `ETag` (HTTP 304 to `If-None-Match`) is not a new frame.
 *
 * @example
 * const source = createHttpSnapshotSource({ cameraId: "CAM-00822", url: "http://10.20.0.8/snapshot.jpg", fps: 1 });
 */
export function createHttpSnapshotSource(options: HttpSnapshotSourceOptions): HttpSnapshotSource {
  const { cameraId, url } = options;
  const now = options.now ?? Date.now;
  const interval = 1000 / options.fps;
  const initialBackoff = options.backoff?.initialMs ?? 500;
  const maxBackoff = options.backoff?.maxMs ?? 30_000;
  const status: SourceStatus = {
    connected: false,
    lastError: null,
    consecutiveFailures: 0,
    reconnects: 0,
    lastFrameAt: null,
    framesDelivered: 0,
  };
  let closed = false;
  let abort: AbortController | undefined;
  let wake: (() => void) | undefined;
  let etag: string | undefined;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms));
      wake = () => (clearTimeout(timer), resolve());
    });

  /** One GET; the image, `undefined` when unchanged (304), or a thrown error in words. */
  const grab = async (): Promise<Uint8Array | undefined> => {
    abort = new AbortController();
    const timer = setTimeout(
      () => abort?.abort(new Error(`no answer within ${options.timeoutMs ?? 5000} ms`)),
      options.timeoutMs ?? 5000,
    );
    try {
      const headers = { ...options.headers, ...(etag ? { "If-None-Match": etag } : {}) };
      const response = await fetch(url, { headers, signal: abort.signal });
      if (response.status === 304) return undefined;
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      const type = response.headers.get("content-type") ?? "";
      const body = new Uint8Array(await response.arrayBuffer());
      if (type && !type.startsWith("image/") && type !== "application/octet-stream")
        throw new Error(`expected an image, got ${type} (${body.length} bytes)`);
      if (body.length === 0) throw new Error("empty body");
      etag = response.headers.get("etag") ?? undefined;
      return body;
    } catch (error) {
      const reason =
        abort.signal.aborted && abort.signal.reason instanceof Error ? abort.signal.reason : error;
      const message =
        reason instanceof Error
          ? reason.cause instanceof Error
            ? `${reason.message} (${reason.cause.message})`
            : reason.message
          : String(reason);
      throw new Error(redactUrl(`camera "${cameraId}": GET ${url} failed: ${message}`));
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    cameraId,
    waitingFor: `its first snapshot from GET ${redactUrl(url)}`,
    status: () => ({ ...status }),
    async *frames(): AsyncGenerator<EncodedFrame> {
      let due = performance.now();
      let delivered = 0;
      while (!closed && delivered < (options.maxFrames ?? Infinity)) {
        await sleep(due - performance.now());
        if (closed) return;
        let image: Uint8Array | undefined;
        try {
          image = await grab();
        } catch (error) {
          if (closed) return;
          status.connected = false;
          status.consecutiveFailures += 1;
          status.lastError = (error as Error).message;
          if (status.consecutiveFailures >= (options.maxFailures ?? Infinity)) throw error;
          due =
            performance.now() + Math.min(maxBackoff, initialBackoff * 2 ** (status.consecutiveFailures - 1));
          continue;
        }
        if (status.consecutiveFailures > 0) status.reconnects += 1;
        Object.assign(status, { connected: true, lastError: null, consecutiveFailures: 0 });
        // The next poll is one interval after this one was due; polls missed while a slow camera answered are skipped.
        due = Math.max(due + interval, performance.now());
        if (!image) continue;
        const timestamp = now();
        status.lastFrameAt = timestamp;
        status.framesDelivered += 1;
        delivered += 1;
        yield { cameraId, image, timestamp };
      }
    },
    async close(): Promise<void> {
      closed = true;
      abort?.abort(new Error("source closed"));
      wake?.();
    },
  };
}
