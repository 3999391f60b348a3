import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import type { EncodedFrame } from "../../backend/inference-backend.ts";
import type { FrameSource } from "../frame-source.ts";
import { JpegStreamSplitter } from "./split-jpeg-stream.ts";
import { redactUrl } from "../redact-url.ts";

/** Options of {@link createFfmpegFrameSource}. */
export interface FfmpegSourceOptions {
  cameraId: string;
  /** A video file path or a stream URL (`rtsp://…`, `http://…`). */
  input: string;
  /** Frames per second to sample (ffmpeg's `fps` filter). */
  fps: number;
  /** Seconds into the input to start at. @default 0 */
  startSeconds?: number;
  /** Seconds of input to read; the whole input when omitted. */
  durationSeconds?: number;
  /** Read a file at its own speed (`-re`), as a live camera would deliver it. @default false */
  realtime?: boolean;
  /** Play a file over and over (`-stream_loop -1`), e.g. a demo camera. @default false */
  loop?: boolean;
  /** JPEG quality of the frames, ffmpeg `-q:v` (2 best … 31 worst). @default 3 */
  quality?: number;
  /** Timestamp of the input's time 0, ms since the epoch. @default so that the first frame is stamped "now" */
  timestampOrigin?: number;
  /** The ffmpeg binary. @default "ffmpeg" */
  ffmpegPath?: string;
}

/** The ffmpeg command line for these options (exported for tests and logs). */
export function ffmpegArgs(o: FfmpegSourceOptions): string[] {
  return [
    ...["-hide_banner", "-nostdin", "-loglevel", "error"],
    ...(o.realtime ? ["-re"] : []),
    ...(o.loop ? ["-stream_loop", "-1"] : []),
    ...(o.input.startsWith("rtsp://") ? ["-rtsp_transport", "tcp"] : []),
    ...(o.startSeconds ? ["-ss", String(o.startSeconds)] : []),
    ...["-i", o.input],
    ...(o.durationSeconds === undefined ? [] : ["-t", String(o.durationSeconds)]),
    ...[
      "-an",
      "-vf",
      // round=up keeps the frame at each k/fps exactly (the default picks one mid-interval,
      // 0.2 s late at 2 fps from 10 fps), so the timestamps below are true capture times.
      `fps=${o.fps}:round=up`,
      "-f",
      "image2pipe",
      "-c:v",
      "mjpeg",
      "-q:v",
      String(o.quality ?? 3),
      "pipe:1",
    ],
  ];
}

/**
 * A {@link FrameSource} that decodes a video file or stream with ffmpeg (from Debian:
 * `apt-get install -y ffmpeg`) and yields JPEG frames at `fps`, timestamped from the input's
 * clock. Errors name the camera: ffmpeg missing, the input unreadable, the stream cut short.
 *
 * @example
 * const source = createFfmpegFrameSource({ cameraId: "plaza", input: "fixtures/vtest.avi", fps: 5 });
 * for await (const frame of source.frames()) await backend.detect(frame);
 */
export function createFfmpegFrameSource(options: FfmpegSourceOptions): FrameSource {
  const { cameraId } = options;
  let child: ChildProcess | undefined;
  let closed = false;
  return {
    cameraId,
    waitingFor: `its first frame from ffmpeg reading ${redactUrl(options.input)}`,
    async *frames(): AsyncGenerator<EncodedFrame> {
      // Without an origin the first frame is stamped "now", wherever in the file it starts.
      const origin = options.timestampOrigin ?? Date.now() - (options.startSeconds ?? 0) * 1000;
      const proc = spawn(options.ffmpegPath ?? "ffmpeg", ffmpegArgs(options), {
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = proc;
      let stderr = "";
      proc.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      const exited = new Promise<{ code: number | null; error?: Error }>((resolve) => {
        proc.on("error", (error) => resolve({ code: null, error }));
        proc.on("close", (code) => resolve({ code }));
      });
      const splitter = new JpegStreamSplitter();
      let index = 0;
      try {
        for await (const chunk of proc.stdout) {
          for (const image of splitter.push(chunk as Buffer)) {
            if (closed) return;
            const seconds = (options.startSeconds ?? 0) + index++ / options.fps;
            yield { cameraId, image, timestamp: Math.round(origin + seconds * 1000) };
          }
        }
        const { code, error } = await exited;
        if (closed) return;
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
          throw new Error(
            missing
              ? `camera "${cameraId}": ffmpeg is not installed (${options.ffmpegPath ?? "ffmpeg"} not found); install it with \`apt-get install -y ffmpeg\``
              : `camera "${cameraId}": ffmpeg could not start: ${error.message}`,
          );
        }
        if (code !== 0)
          throw new Error(
            redactUrl(
              `camera "${cameraId}": ffmpeg exited with code ${code} reading ${options.input}: ${stderr.trim()}`,
            ),
          );
        if (splitter.pendingBytes > 0)
          throw new Error(
            `camera "${cameraId}": stream ended inside a frame (${splitter.pendingBytes} bytes)`,
          );
      } finally {
        if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
      }
    },
    async close(): Promise<void> {
      closed = true;
      if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    },
  };
}
