import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { demoVisionConfig } from "../service/demo-config.ts";
import { VisionService } from "../service/vision-service.ts";
import { fixturePath } from "../testing/fixtures.ts";

// The demo the server starts: four cameras looping vtest.avi in real time through the real
// detector (default worker pool). Waits for every camera's first frames, then checks health and
// the annotated live snapshot.
describe("VisionService demo", () => {
  it("brings the four real-video cameras online with annotated snapshots", async () => {
    const vision = await VisionService.start({
      config: demoVisionConfig({ videoPath: fixturePath("vtest.avi") }),
    });
    try {
      const deadline = Date.now() + 30_000;
      while (vision.health().cameras.some((c) => c.framesProcessed < 2) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      const { detector, cameras } = vision.health();
      expect(detector.ready).toBe(true);
      expect(detector.name).toMatch(/^onnxruntime worker pool/);
      for (const camera of cameras) {
        expect(camera, camera.cameraId).toMatchObject({ state: "online", online: true, reason: null });
        expect(camera.framesProcessed).toBeGreaterThanOrEqual(2);
        const jpeg = await vision.latestSnapshot(camera.cameraId);
        const meta = await sharp(jpeg ?? undefined).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 768, 576]);
      }
    } finally {
      await vision.stop();
    }
    expect(vision.health().cameras.every((c) => c.state === "stopped")).toBe(true);
  });
});
