import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessBackend } from "../backend/in-process-backend.ts";
import type { InferenceBackend } from "../backend/inference-backend.ts";
import { ensureCenternetOnnx } from "../convert/ensure-centernet-onnx.ts";
import { LineCounter } from "../counting/line-crossing.ts";
import type { LineCrossing } from "../counting/line-crossing.ts";
import { ZoneMonitor } from "../counting/zone-occupancy.ts";
import { createFfmpegFrameSource } from "../sources/ffmpeg/ffmpeg-frame-source.ts";
import { fixturePath } from "../testing/fixtures.ts";
import { IouTracker } from "../tracking/iou-tracker.ts";

// The first 8 s of vtest.avi at 5 fps (40 frames). Watching the clip: one pedestrian walks
// right to left across x = 560 at ~1.1 s and a pair follows at ~4.5 s and ~5.3 s; nobody crosses
// left to right before 8 s (the pair turns back at ~11 s). The plaza holds 3 people at the start
// and up to 6 around 6–7 s.
describe("vtest.avi: detect → track → count", () => {
  let backend: InferenceBackend;
  beforeAll(async () => {
    backend = await createInProcessBackend({
      modelPath: (await ensureCenternetOnnx()).path,
      intraOpThreads: 2,
    });
  });
  afterAll(() => backend?.close());

  it("counts the three right-to-left crossings and tracks plaza occupancy", async () => {
    const source = createFfmpegFrameSource({
      cameraId: "plaza",
      input: fixturePath("vtest.avi"),
      fps: 5,
      durationSeconds: 8,
      timestampOrigin: 0,
    });
    const tracker = new IouTracker();
    const lines = new LineCounter([{ id: "x560", a: { x: 560, y: 450 }, b: { x: 560, y: 150 } }]);
    const plaza = {
      id: "plaza",
      polygon: [
        { x: 250, y: 200 },
        { x: 768, y: 200 },
        { x: 768, y: 450 },
        { x: 250, y: 450 },
      ],
    };
    const zones = new ZoneMonitor([plaza]);
    const crossings: LineCrossing[] = [];
    const occupancy: number[] = [];
    const trackFrames = new Map<number, number>();
    for await (const frame of source.frames()) {
      const { detections } = await backend.detect(frame);
      const people = detections.filter((d) => d.label === "person");
      const tracks = tracker.update(people, frame.timestamp ?? 0);
      for (const t of tracks) trackFrames.set(t.id, (trackFrames.get(t.id) ?? 0) + 1);
      crossings.push(...lines.update(tracks, frame.timestamp ?? 0));
      occupancy.push(zones.update(tracks, frame.timestamp ?? 0).occupancy[0]?.count ?? 0);
    }
    expect(occupancy).toHaveLength(40);
    expect(crossings.map((c) => c.direction)).toEqual(["right-to-left", "right-to-left", "right-to-left"]);
    expect(crossings.map((c) => c.timestamp / 1000)).toEqual([
      expect.closeTo(1.1, 0),
      expect.closeTo(4.6, 0),
      expect.closeTo(5.4, 0),
    ]);
    // Each walker crossed under one id, followed for most of the clip rather than re-identified.
    for (const c of crossings)
      expect(trackFrames.get(c.trackId), `track ${c.trackId}`).toBeGreaterThanOrEqual(10);
    expect(new Set(crossings.map((c) => c.trackId)).size).toBe(3);
    expect(occupancy[1]).toBe(3);
    expect(Math.max(...occupancy)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...occupancy)).toBeLessThanOrEqual(7);
  });
});
