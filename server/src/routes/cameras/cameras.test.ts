import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { cameraRoutes, type CameraStatus } from "./index.ts";

const online: CameraStatus = {
  cameraId: "CAM-00822",
  state: "online",
  online: true,
  reason: null,
  lastFrameTimestamp: Date.UTC(2026, 10, 26),
  fps: 2,
};
const starting: CameraStatus = {
  cameraId: "CAM-00853",
  state: "starting",
  online: false,
  reason: "waiting for the first frame",
  lastFrameTimestamp: null,
  fps: 0,
};
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

describe("camera routes", () => {
  const app = new Hono().route(
    "/api",
    cameraRoutes({
      vision: {
        health: () => ({ cameras: [online, starting] }),
        latestSnapshot: async (id) => (id === online.cameraId ? JPEG : null),
        pushTarget: () => undefined,
        push: () => ({ replaced: false }),
      },
    }),
  );

  it("lists cameras and serves the latest annotated frame", async () => {
    expect(await (await app.request("/api/cameras")).json()).toEqual({ cameras: [online, starting] });
    const res = await app.request("/api/cameras/CAM-00822/snapshot.jpg");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(JPEG);
  });

  it("tells an unknown camera (404) from one without a frame yet (503)", async () => {
    expect((await app.request("/api/cameras/CAM-99999/snapshot.jpg")).status).toBe(404);
    const waiting = await app.request("/api/cameras/CAM-00853/snapshot.jpg");
    expect(waiting.status).toBe(503);
    expect(await waiting.json()).toMatchObject({ error: { code: "no_frame_yet" } });
  });
});
