import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { EvidenceStore } from "@citybrain/vision";
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

  it("serves an alert's evidence snapshot at the path its evidence field names, and nothing else", async () => {
    const dir = await mkdtemp(join(tmpdir(), "evidence-"));
    const store = new EvidenceStore({ dir });
    await writeFile(join(dir, "VIS-CAM-00822-CROWD-plaza-20261126T060030Z.jpg"), JPEG);
    await writeFile(join(dir, "..", "outside.jpg"), JPEG);
    const withEvidence = new Hono().route(
      "/api",
      cameraRoutes({
        vision: {
          health: () => ({ cameras: [] }),
          latestSnapshot: async () => null,
          evidenceSnapshot: (reference) => store.read(reference),
          pushTarget: () => undefined,
          push: () => ({ replaced: false }),
        },
      }),
    );
    const res = await withEvidence.request(
      "/api/vision-evidence/VIS-CAM-00822-CROWD-plaza-20261126T060030Z.jpg",
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(JPEG);
    for (const path of ["VIS-gone.jpg", "..%2Foutside.jpg", "%2E%2E%2Foutside.jpg", "x.png"]) {
      const miss = await withEvidence.request(`/api/vision-evidence/${path}`);
      expect(miss.status, path).toBe(404);
    }
    // Without an evidence store, every evidence path is unknown.
    expect(
      (await app.request("/api/vision-evidence/VIS-CAM-00822-CROWD-plaza-20261126T060030Z.jpg")).status,
    ).toBe(404);
  });
});
