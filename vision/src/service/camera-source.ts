import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { EncodedFrame } from "../backend/inference-backend.ts";
import type { CameraConfig } from "../config/camera-config.ts";
import { createFfmpegFrameSource } from "../sources/ffmpeg/ffmpeg-frame-source.ts";
import type { FrameSource } from "../sources/frame-source.ts";
import { DEMO_FIXTURES_DIR, FIXTURES_HINT } from "./fixtures-dir.ts";
import { createHttpSnapshotSource } from "../sources/http-snapshot/http-snapshot-source.ts";
import { createPushFrameSource } from "../sources/push/push-frame-source.ts";
import type { PushFrameSource } from "../sources/push/push-frame-source.ts";

/** Options of {@link createCameraSource}. */
export interface CameraSourceOptions {
  /** Folder relative file paths are resolved against. @default process.cwd() */
  baseDir?: string;
  /** Said when a video file is missing. @default for files under `fixtures/`: "run `npm run fixtures` …" */
  missingFileHint?: string;
  /** The ffmpeg binary. @default "ffmpeg" */
  ffmpegPath?: string;
}

/**
 * A file source that checks the file exists each time it starts, so a missing file is a
 * clear, retried error ("video file … is missing") rather than ffmpeg's message, and a file that
 * appears later (fixtures fetched after start) is picked up on the next restart.
 */
function fileSource(camera: CameraConfig, path: string, options: CameraSourceOptions): FrameSource {
  const { source } = camera;
  const inner = createFfmpegFrameSource({
    cameraId: camera.id,
    input: path,
    fps: source.fps,
    loop: source.loop,
    realtime: source.realtime,
    startSeconds: source.startSeconds,
    ffmpegPath: options.ffmpegPath,
  });
  return {
    cameraId: camera.id,
    async *frames(): AsyncGenerator<EncodedFrame> {
      if (!existsSync(path)) {
        const text =
          options.missingFileHint ?? (path.startsWith(DEMO_FIXTURES_DIR) ? FIXTURES_HINT : undefined);
        const hint = text ? `; ${text}` : "";
        throw new Error(`camera "${camera.id}": video file ${path} is missing${hint}`);
      }
      yield* inner.frames();
    },
    close: () => inner.close(),
  };
}

/**
 * The {@link FrameSource} a camera's config asks for: `file` and `rtsp` through ffmpeg,
 * `http-snapshot` polled with fetch, `push` fed by its owner (returned as a {@link PushFrameSource}).
 */
export function createCameraSource(camera: CameraConfig, options: CameraSourceOptions = {}): FrameSource {
  const { source } = camera;
  const url = source.url ?? "";
  switch (source.kind) {
    case "file":
      return fileSource(
        camera,
        isAbsolute(url) ? url : resolve(options.baseDir ?? process.cwd(), url),
        options,
      );
    case "rtsp":
      return createFfmpegFrameSource({
        cameraId: camera.id,
        input: url,
        fps: source.fps,
        ffmpegPath: options.ffmpegPath,
      });
    case "http-snapshot":
      return createHttpSnapshotSource({ cameraId: camera.id, url, fps: source.fps });
    case "push":
      return createPushFrameSource({ cameraId: camera.id, maxBuffered: 2 });
  }
}

/** Whether a source is fed by pushing frames. */
export function isPushSource(source: FrameSource): source is PushFrameSource {
  return "push" in source && typeof (source as PushFrameSource).push === "function";
}
