import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { alerts, traffic, validateRows } from "@citybrain/datasets";
import { generateSites } from "@citybrain/datasets/reference";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { parseVisionConfig } from "../config/parse-vision-config.ts";
import type { AlertRow } from "../pipeline/alert-rows.ts";
import type { TrafficRow } from "../pipeline/minute-counts.ts";
import { detectionAt, scriptedBackend } from "../testing/scripted-backend.ts";
import { demoVisionConfig } from "./demo-config.ts";
import { DEMO_FIXTURES_DIR } from "./fixtures-dir.ts";
import { VisionService } from "./vision-service.ts";

const JPEG = new Uint8Array([0xff, 0xd8, 0xff]);
const T0 = Date.UTC(2026, 10, 26, 6, 0, 50);

describe("demoVisionConfig", () => {
  it("loops vtest.avi for the reference sites' four real-video cameras at 2 fps", () => {
    const expected = generateSites({ seed: 1 }).cameras.filter((c) => c.realVideo);
    const config = demoVisionConfig({ videoPath: "/videos/vtest.avi" });
    expect(config.cameras.map((c) => [c.id, c.townCode, c.roadId, c.lon])).toEqual(
      expected.map((c) => [c.id, c.town_code, c.road_id, c.lon]),
    );
    expect(config.cameras.map((c) => c.source)).toEqual(
      [0, 20, 40, 60].map((startSeconds) => ({
        kind: "file",
        url: "/videos/vtest.avi",
        fps: 2,
        loop: true,
        realtime: true,
        startSeconds,
      })),
    );
  });
});

describe("VisionService", () => {
  it("starts with the video missing and reports each camera offline with the reason and the fix", async () => {
    const missing = join(DEMO_FIXTURES_DIR, "no-such-video.avi");
    const vision = await VisionService.start({
      config: demoVisionConfig({ videoPath: missing }),
      backend: scriptedBackend(() => []),
      restart: { initialDelayMs: 50 },
    });
    await new Promise((r) => setTimeout(r, 20));
    const { detector, cameras } = vision.health();
    expect(detector).toMatchObject({ ready: true, error: null });
    expect(cameras).toHaveLength(4);
    for (const camera of cameras) {
      expect(camera).toMatchObject({ state: "offline", online: false, framesReceived: 0 });
      expect(camera.reason).toBe(
        `camera "${camera.cameraId}": video file ${missing} is missing; run \`npm run fixtures\` from the repository root`,
      );
    }
    expect(await vision.latestSnapshot(cameras[0]?.cameraId ?? "")).toBeNull();
    await vision.stop();
  });

  it("reports a detector that cannot start on every camera instead of throwing", async () => {
    const vision = await VisionService.start({
      config: demoVisionConfig({ videoPath: "/nonexistent/vtest.avi" }),
      backend: () => Promise.reject(new Error("model file centernet.bin missing: run `npm ci`")),
    });
    const { detector, cameras } = vision.health();
    expect(detector).toEqual({
      ready: false,
      name: null,
      error: "detector unavailable: model file centernet.bin missing: run `npm ci`",
    });
    expect(cameras.map((c) => [c.state, c.reason])).toEqual(
      cameras.map(() => ["offline", "detector unavailable: model file centernet.bin missing: run `npm ci`"]),
    );
    await vision.stop();
  });

  it("takes pushed frames and hands valid traffic and alert rows with evidence to the callbacks", async () => {
    const config = parseVisionConfig({
      cameras: [
        {
          id: "CAM-P",
          townCode: "500152001",
          source: { kind: "push", fps: 5 },
          lines: [{ id: "L1", a: { x: 400, y: 500 }, b: { x: 400, y: 100 }, up: "left-to-right" }],
          zones: [
            {
              id: "all",
              polygon: [
                { x: 0, y: 0 },
                { x: 768, y: 0 },
                { x: 768, y: 576 },
              ],
              rules: [{ kind: "no-vehicle", minSeconds: 0.5 }],
            },
          ],
        },
        { id: "CAM-F", townCode: "500152001", source: { kind: "file", url: "/nonexistent.avi" } },
      ],
    });
    const trafficRows: TrafficRow[] = [];
    const alertRows: AlertRow[] = [];
    const image = await sharp({ create: { width: 768, height: 576, channels: 3, background: "#777" } })
      .jpeg()
      .toBuffer();
    const vision = await VisionService.start({
      config,
      backend: scriptedBackend((t) => [detectionAt(300 + (t - T0) / 20, 300, "car")], { delayMs: 1 }),
      evidence: { dir: await mkdtemp(join(tmpdir(), "vision-service-")) },
      onTraffic: (rows) => void trafficRows.push(...rows),
      onAlert: (rows) => void alertRows.push(...rows),
    });
    expect(() => vision.push("CAM-F", JPEG)).toThrow('camera "CAM-F" does not take pushed frames');
    expect(() => vision.push("CAM-X", JPEG)).toThrow('camera "CAM-X" is not configured');
    for (let i = 0; i < 20; i++) {
      vision.push("CAM-P", image, T0 + i * 200);
      await new Promise((r) => setTimeout(r, 15));
    }
    const snapshot = await vision.latestSnapshot("CAM-P");
    expect((await sharp(snapshot ?? undefined).metadata()).format).toBe("jpeg");
    expect(await vision.latestSnapshot("CAM-P")).toBe(snapshot); // drawn once per frame
    await vision.stop();
    expect(trafficRows.map((r) => [r.camera_id, r.direction, r.class, r.count])).toEqual([
      ["CAM-P", "up", "car", 1],
    ]);
    expect(
      alertRows.map((r) => [r.rule, r.evidence?.startsWith("vision-evidence/VIS-CAM-P-NOVEH-all-")]),
    ).toEqual([["vision.vehicle_in_zone", true]]);
    expect(validateRows(traffic, trafficRows).errors).toEqual([]);
    expect(validateRows(alerts, alertRows).errors).toEqual([]);
    expect(vision.evidence?.pathOf(alertRows[0]?.evidence ?? "")).toMatch(/\.jpg$/);
  });

  it("says when a pushed frame replaced one still waiting, and why a camera refuses frames", async () => {
    const config = parseVisionConfig({
      cameras: [
        { id: "CAM-P", townCode: "500152001", source: { kind: "push" } },
        { id: "CAM-F", townCode: "500152001", source: { kind: "file", url: "/nonexistent.avi" } },
      ],
    });
    const vision = await VisionService.start({
      config,
      backend: scriptedBackend(() => [], { delayMs: 200 }),
    });
    const tick = () => new Promise((r) => setImmediate(r));
    const replaced: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      replaced.push(vision.push("CAM-P", JPEG, T0 + i).replaced);
      await tick();
    }
    // The first is being detected, the second waits, the third replaces it.
    expect(replaced).toEqual([false, false, true]);
    expect(() => vision.push("CAM-P", JPEG, T0 - 1)).toThrow(
      expect.objectContaining({ code: "out_of_order" }),
    );
    expect(() => vision.pushTarget("CAM-X")).toThrow(expect.objectContaining({ code: "unknown_camera" }));
    expect(() => vision.pushTarget("CAM-F")).toThrow(
      expect.objectContaining({
        code: "not_push",
        message: 'camera "CAM-F" does not take pushed frames (its source is "file", not "push")',
      }),
    );
    await vision.stop();
    expect(vision.health().cameras[0]).toMatchObject({ framesReceived: 3, framesDropped: 1 });
    expect(() => vision.pushTarget("CAM-P")).toThrow(
      expect.objectContaining({
        code: "unavailable",
        message: 'camera "CAM-P" cannot take frames now: the vision service is stopping',
      }),
    );
  });
});
