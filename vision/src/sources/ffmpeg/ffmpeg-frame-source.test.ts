import { describe, expect, it } from "vitest";
import { fixturePath } from "../../testing/fixtures.ts";
import { createFfmpegFrameSource, ffmpegArgs } from "./ffmpeg-frame-source.ts";

async function drain(source: ReturnType<typeof createFfmpegFrameSource>): Promise<number> {
  let n = 0;
  for await (const _frame of source.frames()) n++;
  return n;
}

describe("createFfmpegFrameSource", () => {
  it("builds the ffmpeg command line for files and RTSP", () => {
    expect(
      ffmpegArgs({ cameraId: "c", input: "a.avi", fps: 5, startSeconds: 2, durationSeconds: 3 }),
    ).toEqual([
      ...["-hide_banner", "-nostdin", "-loglevel", "error", "-ss", "2", "-i", "a.avi", "-t", "3"],
      ...["-an", "-vf", "fps=5:round=up", "-f", "image2pipe", "-c:v", "mjpeg", "-q:v", "3", "pipe:1"],
    ]);
    expect(ffmpegArgs({ cameraId: "c", input: "rtsp://cam/1", fps: 2, realtime: true })).toContain(
      "-rtsp_transport",
    );
    expect(
      ffmpegArgs({ cameraId: "c", input: "a.avi", fps: 2, realtime: true, loop: true }).slice(4, 9),
    ).toEqual(["-re", "-stream_loop", "-1", "-i", "a.avi"]);
  });

  it("stamps the first frame now when no origin is given, even when starting into the file", async () => {
    const source = createFfmpegFrameSource({
      cameraId: "c",
      input: fixturePath("vtest.avi"),
      fps: 2,
      startSeconds: 60,
    });
    const before = Date.now();
    for await (const frame of source.frames()) {
      expect(frame.timestamp).toBeGreaterThanOrEqual(before);
      expect(frame.timestamp).toBeLessThanOrEqual(Date.now());
      break;
    }
    await source.close();
  });

  it("names the camera and the fix when ffmpeg is missing", async () => {
    const source = createFfmpegFrameSource({
      cameraId: "cam-9",
      input: "x.avi",
      fps: 1,
      ffmpegPath: "/nonexistent/ffmpeg",
    });
    await expect(drain(source)).rejects.toThrow(
      /camera "cam-9": ffmpeg is not installed .*apt-get install -y ffmpeg/,
    );
  });

  it("names the camera and the input when ffmpeg cannot read it", async () => {
    const source = createFfmpegFrameSource({ cameraId: "cam-3", input: "/nonexistent/video.avi", fps: 1 });
    await expect(drain(source)).rejects.toThrow(
      /camera "cam-3": ffmpeg exited with code \d+ reading \/nonexistent\/video.avi: .*No such file/,
    );
  });

  it("keeps a stream URL's user and password out of its errors and what it waits for", async () => {
    const input = "rtsp://admin:s3cret@127.0.0.1:1/stream1";
    const source = createFfmpegFrameSource({ cameraId: "cam-4", input, fps: 1 });
    expect(source.waitingFor).toBe("its first frame from ffmpeg reading rtsp://127.0.0.1:1/stream1");
    const error = await drain(source).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(
      /camera "cam-4": ffmpeg exited with code \d+ reading rtsp:\/\/127\.0\.0\.1:1\/stream1/,
    );
    expect(error?.message).not.toContain("s3cret");
  });
});
