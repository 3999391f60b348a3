import type { EncodedFrame } from "../src/backend/inference-backend.ts";
import { createFfmpegFrameSource } from "../src/sources/ffmpeg/ffmpeg-frame-source.ts";
import { fixturePath } from "../src/testing/fixtures.ts";

/** The first `count` frames of vtest.avi at `fps`, decoded once and kept as JPEGs. */
export async function vtestFrames(count: number, fps = 5): Promise<EncodedFrame[]> {
  const source = createFfmpegFrameSource({
    cameraId: "bench",
    input: fixturePath("vtest.avi"),
    fps,
    loop: true,
    durationSeconds: count / fps,
    timestampOrigin: Date.UTC(2026, 10, 26, 6, 0, 0),
  });
  const frames: EncodedFrame[] = [];
  for await (const frame of source.frames()) frames.push(frame);
  return frames.slice(0, count);
}
