import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { fixturePath } from "../testing/fixtures.ts";
import { startSnapshotServer } from "../testing/snapshot-server.ts";
import { createFfmpegFrameSource } from "./ffmpeg/ffmpeg-frame-source.ts";
import type { FrameSource } from "./frame-source.ts";
import { createHttpSnapshotSource } from "./http-snapshot/http-snapshot-source.ts";
import { createPushFrameSource } from "./push/push-frame-source.ts";

/** Servers and the like that a test's source needs, closed after it. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Each implementation yields 6 decodable frames of a known size, then ends. */
const implementations: [string, () => Promise<{ source: FrameSource; width: number }>][] = [
  [
    "ffmpeg over vtest.avi",
    async () => ({
      source: createFfmpegFrameSource({
        cameraId: "plaza",
        input: fixturePath("vtest.avi"),
        fps: 5,
        durationSeconds: 1.2,
        timestampOrigin: 1_000_000,
      }),
      width: 768,
    }),
  ],
  [
    "push",
    async () => {
      const source = createPushFrameSource({ cameraId: "gate", maxBuffered: 10 });
      const image = await readFile(fixturePath("dog.jpg"));
      for (let i = 0; i < 6; i++) source.push(image, 1_000_000 + i * 200);
      source.end();
      return { source, width: 768 };
    },
  ],
  [
    "HTTP snapshot from a local server",
    async () => {
      const image = await readFile(fixturePath("dog.jpg"));
      const server = await startSnapshotServer((_req, res) => {
        res.writeHead(200, { "Content-Type": "image/jpeg" });
        res.end(image);
      });
      cleanups.push(server.close);
      let clock = 1_000_000 - 200;
      const source = createHttpSnapshotSource({
        cameraId: "gate",
        url: server.url,
        fps: 25,
        maxFrames: 6,
        now: () => (clock += 200),
      });
      return { source, width: 768 };
    },
  ],
];

describe.each(implementations)("FrameSource contract: %s", (_name, make) => {
  it("yields decodable frames tagged with the camera, in time order, then ends", async () => {
    const { source, width } = await make();
    const frames = [];
    for await (const frame of source.frames()) frames.push(frame);
    expect(frames).toHaveLength(6);
    expect(frames.every((f) => f.cameraId === source.cameraId)).toBe(true);
    const times = frames.map((f) => f.timestamp ?? NaN);
    expect(times[0]).toBe(1_000_000);
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] ?? Infinity))).toBe(true);
    const meta = await sharp(frames[5]?.image).metadata();
    expect(meta.width).toBe(width);
  });

  it("ends a running loop without an error when closed", async () => {
    const { source } = await make();
    let count = 0;
    for await (const _frame of source.frames()) {
      if (++count === 2) await source.close();
    }
    expect(count).toBeLessThanOrEqual(3);
  });
});
