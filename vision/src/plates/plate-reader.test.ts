import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCameraConfig } from "../config/parse-vision-config.ts";
import type { Box } from "../geometry/box.ts";
import { OcrEngine } from "../ocr/ocr-engine.ts";
import type { Scene } from "../pipeline/scene.ts";
import { PICKUP_BOX, plateOnCarFrame } from "../testing/plate-on-car.ts";
import { requireCjkFont } from "../testing/render-plate.ts";
import type { Track } from "../tracking/track.ts";
import type { PlateRead } from "./plate-read.ts";
import { PlateReader } from "./plate-reader.ts";

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);

function cameraWith(plates: Record<string, unknown>) {
  return parseCameraConfig({
    id: "GATE-1",
    townCode: "500152001",
    source: { kind: "push" },
    zones: [
      {
        id: "kerb",
        polygon: [
          { x: 800, y: 100 },
          { x: 1536, y: 100 },
          { x: 1536, y: 400 },
          { x: 800, y: 400 },
        ],
      },
      {
        id: "left",
        polygon: [
          { x: 0, y: 0 },
          { x: 500, y: 0 },
          { x: 0, y: 500 },
        ],
      },
    ],
    plates,
  });
}

const track = (id: number, box: Box = PICKUP_BOX, firstSeen = T0): Track => ({
  id,
  classId: 2,
  label: "car",
  box,
  score: 0.51,
  state: "confirmed",
  hits: 3,
  missed: 0,
  velocity: { dx: 0, dy: 0 },
  firstSeen,
  lastSeen: T0,
});

describe("PlateReader (real PP-OCRv4 on a real photo)", () => {
  let ocr: OcrEngine;
  let withPlate: Buffer;
  let withoutPlate: Buffer;
  beforeAll(async () => {
    requireCjkFont();
    [ocr, withPlate, withoutPlate] = await Promise.all([
      OcrEngine.create({ intraOpThreads: 1 }),
      plateOnCarFrame("渝A·D1234"),
      plateOnCarFrame(),
    ]);
  });
  afterAll(() => ocr?.close());

  function setUp(plates: Record<string, unknown>) {
    const camera = cameraWith(plates);
    const reads: PlateRead[] = [];
    const errors: string[] = [];
    const reader = new PlateReader({
      cameraId: camera.id,
      config: camera.plates!,
      zone: camera.zones.find((z) => z.id === camera.plates?.zone),
      ocr,
      onRead: (read) => void reads.push(read),
      onError: (message) => void errors.push(message),
    });
    const scene = (t: number, image: Buffer, tracks: Track[]): Scene => ({
      camera,
      image,
      width: 1536,
      height: 1152,
      timestamp: T0 + t,
      tracks,
    });
    return { reader, reads, errors, scene };
  }

  it("reads a vehicle's plate a few times over its frames and raises its best read once", async () => {
    const { reader, reads, errors, scene } = setUp({ zone: "kerb", maxAttempts: 2, watchlist: ["渝AD1234"] });
    // 16 frames at 5 fps: runs at 0 s and 1 s (retrySeconds), none after the second (maxAttempts).
    for (let t = 0; t < 3200; t += 200) {
      reader.offer(scene(t, withPlate, [track(7)]));
      await reader.idle();
    }
    expect(errors).toEqual([]);
    expect(reads).toHaveLength(1);
    const read = reads[0]!;
    expect(read).toMatchObject({
      trackId: 7,
      plate: "渝A·D1234",
      trafficClass: "car",
      watchlisted: true,
      attempts: 2,
    });
    expect(read.confidence).toBeGreaterThan(0.9);
    expect([T0, T0 + 1000]).toContain(read.at);
    // The plate was pasted at x 1094–1204, y 265–300 of the frame.
    expect(read.plateBox.x1).toBeGreaterThan(1080);
    expect(read.plateBox.x2).toBeLessThan(1220);
    expect(read.plateBox.y1).toBeGreaterThan(250);
    expect(read.plateBox.y2).toBeLessThan(315);
    expect(reader.stats()).toMatchObject({
      attempts: 2,
      reads: 2,
      events: 1,
      skippedBusy: 0,
      failed: 0,
      inFlight: 0,
    });
    await reader.flush();
    expect(reads).toHaveLength(1);
  });

  it("starts at most maxInFlight runs and defers (and counts) the vehicles left over", async () => {
    const { reader, reads, scene } = setUp({ maxAttempts: 1 });
    const tracks = [track(7), track(8, { x1: 900, y1: 140, x2: 1380, y2: 330 })];
    reader.offer(scene(0, withPlate, tracks));
    expect(reader.stats()).toMatchObject({ attempts: 1, inFlight: 1, skippedBusy: 1 });
    await reader.idle();
    reader.offer(scene(200, withPlate, tracks));
    await reader.idle();
    expect(reader.stats()).toMatchObject({ attempts: 2, skippedBusy: 1, events: 2 });
    expect(reads.map((r) => [r.trackId, r.plate, r.watchlisted])).toEqual([
      [7, "渝A·D1234", false],
      [8, "渝A·D1234", false],
    ]);
  });

  it("raises the best read when the vehicle leaves before its attempts are spent", async () => {
    const { reader, reads, scene } = setUp({ maxAttempts: 3 });
    reader.offer(scene(0, withPlate, [track(7)]));
    await reader.idle();
    expect(reads).toEqual([]);
    for (let t = 200; t <= 3400; t += 400) reader.offer(scene(t, withPlate, []));
    await reader.idle();
    expect(reads.map((r) => [r.trackId, r.plate, r.attempts])).toEqual([[7, "渝A·D1234", 1]]);
    // The same track id back again (it re-entered) is not read a second time.
    reader.offer(scene(3600, withPlate, [track(7)]));
    expect(reader.stats().attempts).toBe(1);
  });

  it("raises nothing for a vehicle without a plate, one too small, or one outside the zone", async () => {
    const bare = setUp({ retrySeconds: 0 });
    for (let t = 0; t < 1000; t += 200) {
      bare.reader.offer(bare.scene(t, withoutPlate, [track(7)]));
      await bare.reader.idle();
    }
    await bare.reader.flush();
    expect(bare.reads).toEqual([]);
    expect(bare.reader.stats()).toMatchObject({ attempts: 3, reads: 0, events: 0, failed: 0 });

    const small = setUp({ minCropWidth: 500 }); // the pickup's box is 419 px wide
    const outside = setUp({ zone: "left" });
    for (const { reader, scene } of [small, outside]) {
      reader.offer(scene(0, withPlate, [track(7)]));
      await reader.flush();
      expect(reader.stats()).toMatchObject({ attempts: 0, events: 0 });
    }
    expect([...small.reads, ...outside.reads]).toEqual([]);
  });

  it("records an undecodable frame as a failed run, naming the camera, and raises nothing", async () => {
    const { reader, reads, errors, scene } = setUp({ maxAttempts: 1 });
    reader.offer(scene(0, Buffer.from("not a jpeg"), [track(7)]));
    await reader.flush();
    expect(reads).toEqual([]);
    expect(reader.stats()).toMatchObject({ attempts: 1, failed: 1 });
    expect(errors).toEqual([
      expect.stringMatching(/^plate read of track #7: camera "GATE-1": frame is not a decodable image/),
    ]);
  });
});
