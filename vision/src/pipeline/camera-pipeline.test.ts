import { describe, expect, it } from "vitest";
import type { EncodedFrame } from "../backend/inference-backend.ts";
import { parseCameraConfig } from "../config/parse-vision-config.ts";
import type { FrameSource } from "../sources/frame-source.ts";
import { createPushFrameSource } from "../sources/push/push-frame-source.ts";
import { detectionAt, scriptedBackend } from "../testing/scripted-backend.ts";
import type { AlertRow } from "./alert-rows.ts";
import { CameraPipeline } from "./camera-pipeline.ts";
import type { TrafficRow } from "./minute-counts.ts";

const T0 = Date.UTC(2026, 10, 26, 6, 0, 50);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff]);

const camera = parseCameraConfig({
  id: "CAM-1",
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
        { x: 0, y: 576 },
      ],
      rules: [{ kind: "crowding", minCount: 2, minSeconds: 1 }],
    },
  ],
});

/** Two people walk right across the line, crossing at ~5 s and ~9 s. */
const walkers = (t: number) => [detectionAt(300 + (t - T0) / 50, 300), detectionAt(220 + (t - T0) / 50, 350)];

describe("CameraPipeline", () => {
  it("turns frames into closed-minute traffic rows and alerts, each batch with a stable id", async () => {
    const source = createPushFrameSource({ cameraId: camera.id, maxBuffered: 100 });
    const traffic: [TrafficRow[], string][] = [];
    const alerts: [AlertRow[], string][] = [];
    const pipeline = new CameraPipeline({
      camera,
      source,
      backend: scriptedBackend(walkers),
      overload: "block",
      onTraffic: (rows, { batchId }) => void traffic.push([rows, batchId]),
      onAlert: (rows, { batchId }) => void alerts.push([rows, batchId]),
    });
    pipeline.start();
    for (let i = 0; i < 60; i++) source.push(JPEG, T0 + i * 200);
    source.end();
    await pipeline.done;
    // Both crossed in the minute 06:00 (at 06:00:55 and 06:00:59); the frame at 06:01:00 closed it.
    expect(
      traffic.map(([rows]) => rows.map((r) => [new Date(r.ts).toISOString(), r.direction, r.count])),
    ).toEqual([[["2026-11-26T06:00:00.000Z", "up", 2]]]);
    expect(traffic[0]?.[1]).toMatch(/^vision:traffic:CAM-1:[0-9a-f]{16}$/);
    expect(alerts.map(([rows]) => rows.map((r) => [r.rule, r.ts - T0]))).toEqual([
      [["vision.crowding", 200]],
    ]);
    const health = pipeline.status();
    expect(health).toMatchObject({
      state: "ended",
      framesReceived: 60,
      framesProcessed: 60,
      framesDropped: 0,
    });
  });

  it("says what a camera waits for until its first frame, and nothing once frames come", async () => {
    const source = createPushFrameSource({ cameraId: camera.id });
    const pipeline = new CameraPipeline({
      camera,
      source,
      backend: scriptedBackend(() => []),
      onTraffic: () => {},
      onAlert: () => {},
    });
    pipeline.start();
    expect(pipeline.status()).toMatchObject({
      state: "starting",
      online: false,
      reason: "waiting for its first frame pushed to POST /api/cameras/CAM-1/frames",
    });
    source.push(JPEG, Date.now());
    source.end();
    await pipeline.done;
    expect(pipeline.status()).toMatchObject({ framesReceived: 1, state: "ended" });
    expect(pipeline.status().reason).not.toMatch(/waiting/);
  });

  it("keeps only the latest frame when the detector falls behind (no growing queue)", async () => {
    const source = createPushFrameSource({ cameraId: camera.id, maxBuffered: 1000 });
    const backend = scriptedBackend(() => [], { delayMs: 20 });
    const pipeline = new CameraPipeline({ camera, source, backend });
    pipeline.start();
    for (let i = 0; i < 50; i++) {
      source.push(JPEG, T0 + i * 10);
      await new Promise((r) => setTimeout(r, 2));
    }
    source.end();
    await pipeline.done;
    const health = pipeline.status();
    expect(health.framesReceived).toBe(50);
    expect(health.framesDropped).toBeGreaterThan(20);
    expect(health.framesProcessed + health.framesDropped).toBe(50);
    expect(backend.calls).toBe(health.framesProcessed);
  });

  it("counts undecodable frames and keeps going; reports delivery failures in health", async () => {
    const source = createPushFrameSource({ cameraId: camera.id, maxBuffered: 100 });
    const pipeline = new CameraPipeline({
      camera,
      source,
      backend: scriptedBackend(walkers),
      overload: "block",
      onAlert: () => Promise.reject(new Error("store is down")),
    });
    pipeline.start();
    source.push(new Uint8Array([0, 1, 2]), T0);
    for (let i = 1; i < 20; i++) source.push(JPEG, T0 + i * 200);
    source.end();
    await pipeline.done;
    await new Promise((r) => setTimeout(r, 0));
    const health = pipeline.status();
    expect(health).toMatchObject({ framesProcessed: 19, framesFailed: 1 });
    expect(health.lastError).toMatch(/^delivering batch vision:alerts:CAM-1:[0-9a-f]{16}: store is down$/);
  });

  it("reports a failing source as offline with its reason and restarts it with backoff", async () => {
    let attempts = 0;
    const flaky: FrameSource = {
      cameraId: camera.id,
      async *frames(): AsyncGenerator<EncodedFrame> {
        attempts += 1;
        if (attempts <= 2) throw new Error(`camera "CAM-1": connection refused (attempt ${attempts})`);
        for (let i = 0; i < 3; i++) yield { cameraId: camera.id, image: JPEG, timestamp: T0 + i * 200 };
      },
      async close() {},
    };
    const pipeline = new CameraPipeline({
      camera,
      source: flaky,
      backend: scriptedBackend(() => []),
      restart: { initialDelayMs: 30, maxDelayMs: 60 },
    });
    pipeline.start();
    await new Promise((r) => setTimeout(r, 10));
    const offline = pipeline.status();
    expect(offline).toMatchObject({ state: "offline", online: false });
    expect(offline.reason).toBe('camera "CAM-1": connection refused (attempt 1)');
    await pipeline.done;
    expect(attempts).toBe(3);
    expect(pipeline.status()).toMatchObject({ restarts: 2, framesProcessed: 3, state: "ended" });
  });

  it("is offline with the source's own reason while a self-retrying source fails", async () => {
    let closed = (): void => undefined;
    const retrying: FrameSource = {
      cameraId: camera.id,
      async *frames(): AsyncGenerator<EncodedFrame> {
        await new Promise<void>((resolve) => (closed = resolve));
        yield* []; // ends with no frame once closed
      },
      async close() {
        closed();
      },
      status: () => ({
        connected: false,
        lastError: 'camera "CAM-1": GET http://10.0.0.8/snap.jpg failed: HTTP 401 Unauthorized',
        consecutiveFailures: 4,
        reconnects: 0,
        lastFrameAt: null,
        framesDelivered: 0,
      }),
    };
    const pipeline = new CameraPipeline({ camera, source: retrying, backend: scriptedBackend(() => []) });
    pipeline.start();
    expect(pipeline.status()).toMatchObject({
      state: "offline",
      online: false,
      reason: 'camera "CAM-1": GET http://10.0.0.8/snap.jpg failed: HTTP 401 Unauthorized',
    });
    await pipeline.stop();
  });

  it("stops cleanly while waiting for frames", async () => {
    const source = createPushFrameSource({ cameraId: camera.id });
    const pipeline = new CameraPipeline({ camera, source, backend: scriptedBackend(() => []) });
    pipeline.start();
    source.push(JPEG, T0);
    await new Promise((r) => setTimeout(r, 10));
    await pipeline.stop();
    expect(pipeline.status()).toMatchObject({ state: "stopped", online: false, framesProcessed: 1 });
  });
});
